/**
 * Opgaven and themes have a Dutch name and description and, optionally, an
 * English one. Reads localise here, once, so every page, tag, filter and
 * chart shows the same words; without an English version the Dutch one shows.
 *
 * No "server-only": the seed, scripts and tests use it too.
 */

type Named = { name: string; nameEn?: string | null };
type Described = { description: string; descriptionEn?: string | null };

/** The name to show in `locale`: the English one when there is one, else the Dutch. */
export function localisedName(row: Named, locale: string): string {
  return locale === "en" && row.nameEn ? row.nameEn : row.name;
}

/** The description to show in `locale`, like localisedName. */
export function localisedDescription(row: Described, locale: string): string {
  return locale === "en" && row.descriptionEn ? row.descriptionEn : row.description;
}

/** The row with `name` (and `description`, when it has one) in `locale`. */
export function localiseTaxonomy<T extends Named & Partial<Described>>(row: T, locale: string): T {
  const name = localisedName(row, locale);
  if (row.description === undefined) return { ...row, name };
  return { ...row, name, description: localisedDescription({ description: row.description, descriptionEn: row.descriptionEn }, locale) };
}
