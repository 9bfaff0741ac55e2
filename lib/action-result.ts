import { z } from "zod";

/**
 * What every server action answers. `error` and the field errors are message
 * keys under `errors.` in the catalogs, so the form shows them in the user's
 * language; the form keeps what was typed.
 */
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Partial<Record<string, string[]>> };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(
  error: string,
  fieldErrors?: Partial<Record<string, string[]>>,
): { ok: false; error: string; fieldErrors?: Partial<Record<string, string[]>> } {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

export function invalid(error: z.ZodError) {
  return fail("form.invalid", z.flattenError(error).fieldErrors as Partial<Record<string, string[]>>);
}

/**
 * A string without NUL characters: PostgreSQL cannot store U+0000 in text and
 * fails the whole query on it, and no one types it on purpose.
 */
export function withoutNul(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

/**
 * FormData to a plain object for zod: the fields named in `arrays` become
 * lists of all their values, the others keep their last value; files are left
 * out. NUL characters are removed from every value (see withoutNul).
 */
export function formValues(formData: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = Object.fromEntries(arrays.map((key) => [key, []]));
  // A server action can be called with any argument: anything but FormData is an empty form.
  if (!(formData instanceof FormData)) return values;
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string" || key.startsWith("$ACTION")) continue;
    const value = withoutNul(raw);
    const list = values[key];
    if (arrays.includes(key) && Array.isArray(list)) list.push(value);
    else values[key] = value;
  }
  return values;
}
