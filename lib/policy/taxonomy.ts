/**
 * The opgaven and themes an update may carry: active ones, and for an edit
 * also archived ones the update already has (so saving it keeps its tags).
 * Written once for the editor's choices and the check when saving.
 */
export function choosableTaxonomyWhere(updateId?: string) {
  return updateId ? { OR: [{ archivedAt: null }, { updates: { some: { updateId } } }] } : { archivedAt: null };
}
