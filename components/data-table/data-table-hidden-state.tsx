import type { DataTableState } from "./url-state";

/**
 * Hidden fields for a table's GET filter form, so applying a filter keeps a
 * chosen sort and page size (and starts at page 1, which needs no field).
 * Works without JavaScript; safe in server components.
 */
export function DataTableHiddenState({
  state,
  defaults,
}: {
  state: DataTableState;
  defaults: Pick<DataTableState, "sort" | "dir" | "perPage">;
}) {
  const sorted = state.sort !== defaults.sort || state.dir !== defaults.dir;
  return (
    <>
      {sorted && state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
      {sorted ? <input type="hidden" name="dir" value={state.dir} /> : null}
      {state.perPage !== defaults.perPage ? <input type="hidden" name="perPage" value={state.perPage} /> : null}
    </>
  );
}
