import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-day";

/**
 * Building blocks for a server-side table's URL parameters (the state the
 * shell in components/data-table keeps in the URL). Every parameter falls
 * back to its default instead of failing, so a bad or old link still shows
 * a page. zod stays here, on the server: the client gets the parsed state.
 */

/** A parameter that falls back to `fallback` when absent or invalid; a repeated one counts by its first value. */
export function lenient<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return z
    .unknown()
    .optional()
    .transform((value) => {
      const parsed = schema.safeParse(Array.isArray(value) ? value[0] : value);
      return parsed.success ? (parsed.data as z.output<T>) : fallback;
    });
}

const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The 1-based page. */
export const pageParam = lenient(z.coerce.number().int().min(1).max(100_000), 1);

/** One of `sizes`, else `fallback`. */
export function perPageParam(sizes: readonly number[], fallback: number) {
  return lenient(
    z.coerce.number().refine((size) => sizes.includes(size)),
    fallback,
  );
}

/** One of `values`, else `fallback`. */
export function choiceParam<const T extends readonly [string, ...string[]], F extends T[number] | null>(values: T, fallback: F) {
  // Widened so the fallback may be null or a member of `values`.
  return lenient(z.enum(values) as z.ZodType<T[number] | F>, fallback);
}

/** A sort direction, else `fallback`. */
export function dirParam(fallback: "asc" | "desc") {
  return choiceParam(["asc", "desc"], fallback);
}

/** Free text (a search): control characters (a NUL byte above all, which PostgreSQL refuses) become spaces, trimmed, at most `max`. */
export function textParam(max = 200) {
  return lenient(
    z
      .string()
      .max(max * 3)
      .transform((value) => value.replace(CONTROL, " ").trim().slice(0, max)),
    "",
  );
}

/** A real calendar day (YYYY-MM-DD, exactly: 2024-02-30 is no day), else null. */
export const dateParam = lenient(z.string().refine(isCalendarDate).nullable(), null);
