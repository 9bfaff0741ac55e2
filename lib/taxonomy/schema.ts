import { z } from "zod";
import { SLUG_MAX_LENGTH, slugify } from "@/lib/programme/schema";

/** Opgaven and themes share one set of forms and writes; `kind` says which list. */
export const taxonomyKinds = ["opgave", "theme"] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];

export const TAXONOMY_NAME_MAX = 80;
export const TAXONOMY_DESCRIPTION_MAX = 1000;

/** Tags show their name in white on their colour: WCAG 2.1 AA asks 4.5:1 for normal text. */
const MIN_CONTRAST_WITH_WHITE = 4.5;

const kindSchema = z.enum(taxonomyKinds, { error: "taxonomy.kindInvalid" });
const idSchema = z
  .string({ error: "taxonomy.notFound" })
  .trim()
  .min(1, { error: "taxonomy.notFound" })
  .max(100, { error: "taxonomy.notFound" });

function channel(hex: string): number {
  const value = parseInt(hex, 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** The WCAG contrast ratio of white text on a `#rrggbb` background. */
export function contrastWithWhite(color: string): number {
  const [r, g, b] = [color.slice(1, 3), color.slice(3, 5), color.slice(5, 7)].map(channel) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

const nameSchema = z
  .string({ error: "taxonomy.nameRequired" })
  .trim()
  // Two spaces in a row would make "Armoede  en schulden" a second, look-alike name.
  .transform((value) => value.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, { error: "taxonomy.nameRequired", abort: true })
      .min(2, { error: "taxonomy.nameTooShort" })
      .max(TAXONOMY_NAME_MAX, { error: "taxonomy.nameTooLong" }),
  );

const slugSchema = z
  .string()
  .trim()
  .max(SLUG_MAX_LENGTH, { error: "taxonomy.slugTooLong" })
  .nullish()
  .transform((value) => value ?? "");

const descriptionSchema = z
  .string()
  .trim()
  .max(TAXONOMY_DESCRIPTION_MAX, { error: "taxonomy.descriptionTooLong" })
  .nullish()
  .transform((value) => value ?? "");

/** The optional English name: checked like the Dutch one; left empty, English readers see the Dutch name. */
const nameEnSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, " "))
  .pipe(z.string().max(TAXONOMY_NAME_MAX, { error: "taxonomy.nameTooLong" }))
  .refine((value) => value === "" || value.length >= 2, { error: "taxonomy.nameTooShort" })
  .nullish()
  .transform((value) => value || null);

const descriptionEnSchema = z
  .string()
  .trim()
  .max(TAXONOMY_DESCRIPTION_MAX, { error: "taxonomy.descriptionTooLong" })
  .nullish()
  .transform((value) => value || null);

/** A `#rrggbb` colour dark enough for white text; left out, the database's default (or the current one) stays. */
const colorSchema = z
  .string({ error: "taxonomy.colorInvalid" })
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { error: "taxonomy.colorInvalid", abort: true })
  .refine((color) => contrastWithWhite(color) >= MIN_CONTRAST_WITH_WHITE, { error: "taxonomy.colorTooLight" })
  .optional();

/** Fills in the slug from the name when none was typed; refuses one without a letter or digit. */
function withSlug<T extends { name: string; slug: string }>(value: T, context: z.RefinementCtx) {
  const slug = slugify(value.slug || value.name);
  if (!slug) {
    context.addIssue({ code: "custom", path: ["slug"], message: "taxonomy.slugInvalid" });
    return z.NEVER;
  }
  return { ...value, slug };
}

const fields = {
  kind: kindSchema,
  name: nameSchema,
  nameEn: nameEnSchema,
  slug: slugSchema,
  description: descriptionSchema,
  descriptionEn: descriptionEnSchema,
  color: colorSchema,
};

export const createTaxonomySchema = z.object(fields).transform(withSlug);
export type CreateTaxonomyInput = z.infer<typeof createTaxonomySchema>;

export const updateTaxonomySchema = z.object({ ...fields, id: idSchema }).transform(withSlug);
export type UpdateTaxonomyInput = z.infer<typeof updateTaxonomySchema>;

export const moveTaxonomySchema = z.object({
  kind: kindSchema,
  id: idSchema,
  direction: z.enum(["up", "down"], { error: "taxonomy.directionInvalid" }),
});

export const archiveTaxonomySchema = z.object({ kind: kindSchema, id: idSchema });

export const mergeTaxonomySchema = z.object({
  kind: kindSchema,
  sourceId: idSchema,
  targetId: z
    .string({ error: "taxonomy.mergeTargetRequired" })
    .trim()
    .min(1, { error: "taxonomy.mergeTargetRequired" })
    .max(100, { error: "taxonomy.mergeTargetNotFound" }),
  // A checkbox sends "on" only when ticked: merging cannot be undone.
  confirm: z.literal("on", { error: "taxonomy.mergeConfirmRequired" }),
});
export type MergeTaxonomyInput = z.infer<typeof mergeTaxonomySchema>;
