import "server-only";
import { db } from "@/lib/db";
import { localisedName } from "@/lib/taxonomy/localise";
import {
  buildRelatedUpdatesSql,
  buildSimilarExperimentsSql,
  type RelatedUpdateRow,
  type SharedTag,
  type SharedTagSqlRow,
  type SimilarExperimentRow,
} from "./related-sql";

export type { RelatedUpdateRow, SharedTag, SimilarExperimentRow } from "./related-sql";

/** A row as the SQL returns it: its shared tags still carry `nameEn`. */
type WithSqlTags<T, K extends keyof T> = Omit<T, K> & { [key in K]: SharedTagSqlRow[] };

/** The shared tags named in `locale` (the English name when there is one). */
const localiseTags = (tags: SharedTagSqlRow[], locale: string): SharedTag[] =>
  tags.map(({ nameEn, ...tag }) => ({ ...tag, name: localisedName({ name: tag.name, nameEn }, locale) }));

/**
 * "Elders ook": listed updates from other municipalities that share the most
 * opgaven and themes with the update (see buildRelatedUpdatesSql), the shared
 * ones named in `locale`. Empty when the update itself is not listed. Only
 * listed content is read, which everyone who may read the portal sees, so no
 * actor is needed.
 */
export async function listRelatedElsewhere(updateId: string, locale = "nl"): Promise<RelatedUpdateRow[]> {
  const rows = await db.$queryRaw<WithSqlTags<RelatedUpdateRow, "sharedOpgaven" | "sharedThemes">[]>(buildRelatedUpdatesSql(updateId));
  return rows.map((row) => ({
    ...row,
    sharedOpgaven: localiseTags(row.sharedOpgaven, locale),
    sharedThemes: localiseTags(row.sharedThemes, locale),
  }));
}

/** The experiments of other municipalities with the most similar opgaven profile (see buildSimilarExperimentsSql), named in `locale`. */
export async function listSimilarExperiments(experimentId: string, locale = "nl"): Promise<SimilarExperimentRow[]> {
  const rows = await db.$queryRaw<WithSqlTags<SimilarExperimentRow, "sharedOpgaven">[]>(buildSimilarExperimentsSql(experimentId));
  return rows.map((row) => ({ ...row, sharedOpgaven: localiseTags(row.sharedOpgaven, locale) }));
}
