import { z } from "zod";

/**
 * What every server action answers. `error` and the field errors are message
 * keys under `errors.` in the catalogs, so the form shows them in the user's
 * language; the form keeps what was typed.
 */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Partial<Record<string, string[]>> };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(error: string, fieldErrors?: Partial<Record<string, string[]>>): { ok: false; error: string; fieldErrors?: Partial<Record<string, string[]>> } {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

export function invalid(error: z.ZodError) {
  return fail("form.invalid", z.flattenError(error).fieldErrors as Partial<Record<string, string[]>>);
}

/**
 * FormData to a plain object for zod: the fields named in `arrays` become
 * lists of all their values, the others keep their last value; files are left out.
 */
export function formValues(formData: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = Object.fromEntries(arrays.map((key) => [key, []]));
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const list = values[key];
    if (arrays.includes(key) && Array.isArray(list)) list.push(value);
    else values[key] = value;
  }
  return values;
}
