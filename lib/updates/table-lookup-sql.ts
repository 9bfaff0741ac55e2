/**
 * The ids behind the updates table's opgave and theme filters (slugs in the
 * URL), one statement on the pool instead of two Prisma findMany calls.
 */
import { queryRow } from "@/lib/db-sql";
import { Prisma } from "@/lib/generated/prisma/client";

export function tagIdsBySlugSql(opgaveSlugs: readonly string[], themeSlugs: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT COALESCE((SELECT array_agg(o.id ORDER BY o.id) FROM "Opgave" o WHERE o.slug = ANY(${[...opgaveSlugs]}::text[])), '{}') AS "opgaveIds",
           COALESCE((SELECT array_agg(t.id ORDER BY t.id) FROM "Theme" t WHERE t.slug = ANY(${[...themeSlugs]}::text[])), '{}') AS "themeIds"`;
}

/** The ids of the opgaven and themes with these slugs (unknown slugs left out); no query without slugs. */
export async function findTagIdsBySlug(
  opgaveSlugs: readonly string[],
  themeSlugs: readonly string[],
): Promise<{ opgaveIds: string[]; themeIds: string[] }> {
  if (!opgaveSlugs.length && !themeSlugs.length) return { opgaveIds: [], themeIds: [] };
  const row = await queryRow<{ opgaveIds: string[]; themeIds: string[] }>(tagIdsBySlugSql(opgaveSlugs, themeSlugs));
  return { opgaveIds: row?.opgaveIds ?? [], themeIds: row?.themeIds ?? [] };
}
