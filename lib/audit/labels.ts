/**
 * Where the catalogs name an audit event, its kind of target and its fields.
 * Keys follow from the names, so an event type added to lib/audit/events.ts
 * needs only its line under audit.events (with "." as "_": next-intl reads a
 * dot as nesting); until then the page shows a readable stand-in.
 */

export function auditEventLabelKey(type: string): string {
  return `audit.events.${type.replace(/\./g, "_")}`;
}

export function auditTargetLabelKey(targetType: string): string {
  return `audit.targets.${targetType}`;
}

export function auditFieldLabelKey(field: string): string {
  return `audit.fields.${field.replace(/\./g, "_")}`;
}

/** "comment.delete-any" → "Comment: delete any", for an event the catalogs do not name yet. */
export function auditFallbackLabel(type: string): string {
  const [kind = type, ...rest] = type.split(".");
  const action = rest.join(" ").replace(/[-_]+/g, " ").trim();
  const subject = kind.charAt(0).toUpperCase() + kind.slice(1);
  return action ? `${subject}: ${action}` : subject;
}
