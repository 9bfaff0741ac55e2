/**
 * An update's opgaven and themes live in the join tables UpdateOpgave and
 * UpdateTheme. Reads select the tags through them (updateTagsSelect) and turn
 * the join rows back into plain tag lists (withTags), so pages keep getting
 * `opgaven: { id, name, slug, color }[]`.
 *
 * No "server-only": the seed, scripts and tests use it too.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** What a list or page shows of one tag (opgave or theme); TagList shows `nameEn` to English readers. */
export const tagFields = { id: true, name: true, nameEn: true, slug: true, color: true } as const;

/** Tags in the coordinators' order; the name breaks ties (mutable arrays: Prisma refuses readonly ones). */
export const opgaveOrder: Prisma.UpdateOpgaveOrderByWithRelationInput[] = [{ opgave: { sortOrder: "asc" } }, { opgave: { name: "asc" } }];
export const themeOrder: Prisma.UpdateThemeOrderByWithRelationInput[] = [{ theme: { sortOrder: "asc" } }, { theme: { name: "asc" } }];

/** An update's opgaven and themes (tagFields), in their order, as join rows (see withTags). */
export const updateTagsSelect = {
  opgaven: { select: { opgave: { select: tagFields } }, orderBy: opgaveOrder },
  themes: { select: { theme: { select: tagFields } }, orderBy: themeOrder },
} as const;

type TagRows = { opgaven: { opgave: unknown }[]; themes: { theme: unknown }[] };

/** The update with its join rows turned back into plain lists of its opgaven and themes. */
export function withTags<U extends TagRows>(
  update: U,
): Omit<U, "opgaven" | "themes"> & { opgaven: U["opgaven"][number]["opgave"][]; themes: U["themes"][number]["theme"][] } {
  const { opgaven, themes, ...rest } = update;
  return { ...rest, opgaven: opgaven.map((row) => row.opgave), themes: themes.map((row) => row.theme) };
}
