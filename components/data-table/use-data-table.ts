import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type HeaderGroup,
  type PaginationState,
  type Row,
  type RowData,
  type SortingState,
  type Table,
  type Updater,
} from "@tanstack/react-table";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { dataTableQuery, type DataTableState, type SortDirection } from "./url-state";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameters must match TanStack's own declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Extra classes for the column's cells (e.g. "text-right tabular-nums" for numbers). */
    className?: string;
  }
}

/** A sortable column: the URL's name for it, and which way a first click sorts (text ascending, numbers and dates descending). */
export type SortOption<S extends string> = { sort: S; first: SortDirection };

export type UseDataTableOptions<TData, TState extends DataTableState> = {
  /** One page of rows, already filtered, sorted and paged by the server. */
  data: TData[];
  // TanStack's own advice for a list of columns of different value types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<TData, any>[];
  pageCount: number;
  /** The state the server parsed from the URL. */
  state: TState;
  /** Column id → its sort option; other columns are not sortable. */
  sortable?: Partial<Record<string, SortOption<NonNullable<TState["sort"]>>>>;
  /** The state when sorting is cleared (TanStack's third click); by default the URL's sort is dropped. */
  unsorted?: Partial<TState>;
  /** Values left out of the URL (for the default writer). */
  defaults?: Partial<TState>;
  /** The address of a state, where a table has its own writer (the updates table); by default this path with dataTableQuery. */
  href?: (state: TState) => string;
  getRowId?: (row: TData) => string;
};

export type AriaSort = "ascending" | "descending" | "none";

/**
 * A server-side table's state in the URL, after tablecn's useDataTable:
 * TanStack Table in manual mode (the server has filtered, sorted and paged
 * the rows), and every change (a sort, a page, a filter) a navigation to the
 * URL of the new state, so a view is a link to share and the back button
 * works. Sorting or filtering goes back to page 1.
 */
export function useDataTable<TData, TState extends DataTableState>(options: UseDataTableOptions<TData, TState>) {
  const { state, sortable = {}, defaults, href } = options;
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  const hrefFor = (changes: Partial<TState>): string => {
    const next = { ...state, ...changes };
    return href ? href(next) : `${pathname}${dataTableQuery(next as Record<string, never>, defaults as Record<string, never>)}`;
  };
  /** Navigates to the state with `changes`. */
  const setState = (changes: Partial<TState>) => startTransition(() => router.push(hrefFor(changes)));
  /** A filter changed: back to the first page. */
  const setFilters = (changes: Partial<TState>) => setState({ ...changes, page: 1 });

  const sortedColumn = Object.keys(sortable).find((id) => state.sort !== null && sortable[id]?.sort === state.sort);
  const sorting: SortingState = sortedColumn ? [{ id: sortedColumn, desc: state.dir === "desc" }] : [];
  const pagination: PaginationState = { pageIndex: state.page - 1, pageSize: state.perPage };

  // TanStack's table is one mutable instance; what the shell renders is read from it below, on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: options.data,
    columns: options.columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: options.getRowId,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount: options.pageCount,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const first = (typeof updater === "function" ? updater(sorting) : updater)[0];
      const option = first ? sortable[first.id] : undefined;
      const cleared = options.unsorted ?? ({ sort: null } as Partial<TState>);
      setFilters(option && first ? ({ sort: option.sort, dir: first.desc ? "desc" : "asc" } as Partial<TState>) : cleared);
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      setState({ page: next.pageIndex + 1, perPage: next.pageSize } as Partial<TState>);
    },
  });

  /** A click on a sortable header: the other way round when it is sorted already, else its first direction. */
  const toggleSort = (columnId: string) => {
    const option = sortable[columnId];
    if (!option) return;
    const current = sorting[0];
    const dir: SortDirection = current?.id === columnId ? (current.desc ? "asc" : "desc") : option.first;
    setFilters({ sort: option.sort, dir } as Partial<TState>);
  };

  /** The aria-sort of a column's header; undefined for a column that cannot be sorted. */
  const ariaSort = (columnId: string): AriaSort | undefined => {
    if (!sortable[columnId]) return undefined;
    if (sorting[0]?.id !== columnId) return "none";
    return sorting[0].desc ? "descending" : "ascending";
  };

  const pageHref = (page: number) => hrefFor({ page } as Partial<TState>);

  /** The address of a choice in the phone's sort select: a column and direction, or null for the table's own order. */
  const sortHref = (columnId: string | null, dir: SortDirection) => {
    const option = columnId ? sortable[columnId] : undefined;
    const changes = option ? { sort: option.sort, dir } : (options.unsorted ?? { sort: null });
    return hrefFor({ ...changes, page: 1 } as Partial<TState>);
  };

  return {
    table,
    // Read here rather than in the shell, so a memoizing compiler there cannot hold on to an earlier page.
    rows: table.getRowModel().rows,
    headerGroups: table.getHeaderGroups(),
    canPreviousPage: table.getCanPreviousPage(),
    canNextPage: table.getCanNextPage(),
    state,
    pageCount: options.pageCount,
    pending,
    setState,
    setFilters,
    toggleSort,
    ariaSort,
    hrefFor,
    pageHref,
    sortHref,
    sorting,
    sortableIds: Object.keys(sortable),
  };
}

/** What the shell (data-table.tsx) needs of the hook's answer, whatever the table's own state. */
export type DataTableView<TData> = {
  table: Table<TData>;
  /** A navigation to a new state is under way (the section says aria-busy). */
  pending: boolean;
  rows: Row<TData>[];
  headerGroups: HeaderGroup<TData>[];
  canPreviousPage: boolean;
  canNextPage: boolean;
  state: DataTableState;
  pageCount: number;
  toggleSort: (columnId: string) => void;
  ariaSort: (columnId: string) => AriaSort | undefined;
  pageHref: (page: number) => string;
  sortHref: (columnId: string | null, dir: SortDirection) => string;
  sorting: SortingState;
  sortableIds: string[];
};
