import { z } from "zod";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";

/** The experiment phases in programme order, for selects and validation. */
export const experimentPhases = Object.values(ExperimentPhase);

export const SLUG_MAX_LENGTH = 80;

// Letters that Unicode does not split into a base letter and an accent.
const SPECIAL_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/**
 * A web address part from a name: lowercase, accents removed, words joined by
 * hyphens ("Súdwest-Fryslân" → "sudwest-fryslan", "Den Haag" → "den-haag").
 */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/&/g, " en ")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, "");
}

const idSchema = z.string({ error: "form.invalid" }).trim().min(1, { error: "form.invalid" }).max(100, { error: "form.invalid" });

/** Checkbox groups arrive as a list; a single value or nothing is accepted too. Duplicates are dropped. */
const idListSchema = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.string().trim().min(1).max(100), { error: "form.invalid" })
    .max(100, { error: "form.invalid" })
    .transform((ids) => [...new Set(ids)]),
);

const optionalSlugSchema = z
  .string()
  .trim()
  .max(SLUG_MAX_LENGTH, { error: "programme.slugTooLong" })
  .nullish()
  .transform((value) => value ?? "");

function nameSchema(prefix: "name" | "title", max: number) {
  return z
    .string({ error: `programme.${prefix}Required` })
    .trim()
    .min(1, { error: `programme.${prefix}Required`, abort: true })
    .min(2, { error: `programme.${prefix}TooShort` })
    .max(max, { error: `programme.${prefix}TooLong` });
}

function cbsCodeSchema(pattern: RegExp, error: string) {
  return z.string({ error }).trim().toUpperCase().regex(pattern, { error });
}

/** GM + four digits, e.g. GM0855 (Tilburg). */
export const municipalityCbsCodeSchema = cbsCodeSchema(/^GM\d{4}$/, "programme.municipalityCbsCodeInvalid");
/** WK + six digits: the municipality's four, then the wijk's two, e.g. WK085501. */
export const wijkCbsCodeSchema = cbsCodeSchema(/^WK\d{6}$/, "programme.wijkCbsCodeInvalid");

/**
 * Fills in the slug: the one typed (tidied up the same way) or else one made
 * from the name. Left empty only when neither holds a letter or digit.
 */
function withSlug<T extends { slug: string }>(source: (value: T) => string) {
  return (value: T, context: z.RefinementCtx) => {
    const slug = slugify(value.slug || source(value));
    if (!slug) {
      context.addIssue({ code: "custom", path: ["slug"], message: "programme.slugInvalid" });
      return z.NEVER;
    }
    return { ...value, slug };
  };
}

const municipalityFields = {
  name: nameSchema("name", 100),
  slug: optionalSlugSchema,
  cbsCode: municipalityCbsCodeSchema,
};

export const municipalitySchema = z.object(municipalityFields).transform(withSlug((value) => value.name));
export type MunicipalityInput = z.infer<typeof municipalitySchema>;

export const municipalityUpdateSchema = z
  .object({ municipalityId: idSchema, ...municipalityFields })
  .transform(withSlug((value) => value.name));
export type MunicipalityUpdateInput = z.infer<typeof municipalityUpdateSchema>;

const wijkFields = {
  name: nameSchema("name", 100),
  slug: optionalSlugSchema,
  cbsCode: wijkCbsCodeSchema,
};

export const wijkSchema = z
  .object({
    municipalityId: z
      .string({ error: "programme.municipalityRequired" })
      .trim()
      .min(1, { error: "programme.municipalityRequired" })
      .max(100),
    ...wijkFields,
  })
  .transform(withSlug((value) => value.name));
export type WijkInput = z.infer<typeof wijkSchema>;

/** A wijk stays in its municipality (its CBS code says which one); name, slug and code can change. */
export const wijkUpdateSchema = z.object({ wijkId: idSchema, ...wijkFields }).transform(withSlug((value) => value.name));
export type WijkUpdateInput = z.infer<typeof wijkUpdateSchema>;

/** A calendar date typed as YYYY-MM-DD (what `<input type="date">` sends), as midnight UTC for a @db.Date column. */
export const dateSchema = z
  .string({ error: "programme.startDateInvalid" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "programme.startDateInvalid" })
  .transform((value, context) => {
    const date = new Date(`${value}T00:00:00.000Z`);
    const year = date.getUTCFullYear();
    // Date accepts 2024-02-31 as 2 March: compare back to catch that.
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || year < 2000 || year > 2100) {
      context.addIssue({ code: "custom", message: "programme.startDateInvalid" });
      return z.NEVER;
    }
    return date;
  });

const experimentFields = {
  title: nameSchema("title", 150),
  slug: optionalSlugSchema,
  summary: z
    .string({ error: "programme.summaryRequired" })
    .trim()
    .min(1, { error: "programme.summaryRequired", abort: true })
    .max(2000, { error: "programme.summaryTooLong" }),
  municipalityId: z.string({ error: "programme.municipalityRequired" }).trim().min(1, { error: "programme.municipalityRequired" }).max(100),
  wijkIds: idListSchema,
  phase: z.enum(experimentPhases, { error: "programme.phaseInvalid" }),
  startDate: dateSchema,
  leaderIds: idListSchema,
};

/**
 * An experiment. That its wijken and project leaders belong to its
 * municipality is checked against the database by the service.
 */
export const experimentSchema = z.object(experimentFields).transform(withSlug((value) => value.title));
export type ExperimentInput = z.infer<typeof experimentSchema>;

export const experimentUpdateSchema = z.object({ experimentId: idSchema, ...experimentFields }).transform(withSlug((value) => value.title));
export type ExperimentUpdateInput = z.infer<typeof experimentUpdateSchema>;

/** YYYY-MM-DD of a @db.Date value, for `<input type="date">` and the audit log. */
export function toDateInputValue(date: Date): string {
  return date.toISOString().slice(0, 10);
}
