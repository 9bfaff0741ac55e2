import "server-only";
import { db } from "@/lib/db";
import { buildRelatedUpdatesSql, buildSimilarExperimentsSql, type RelatedUpdateRow, type SimilarExperimentRow } from "./related-sql";

export type { RelatedUpdateRow, SharedTag, SimilarExperimentRow } from "./related-sql";

/**
 * "Elders ook": listed updates from other municipalities that share the most
 * opgaven and themes with the update (see buildRelatedUpdatesSql). Empty when
 * the update itself is not listed. Only listed content is read, which everyone
 * who may read the portal sees, so no actor is needed.
 */
export async function listRelatedElsewhere(updateId: string): Promise<RelatedUpdateRow[]> {
  return db.$queryRaw<RelatedUpdateRow[]>(buildRelatedUpdatesSql(updateId));
}

/** The experiments of other municipalities with the most similar opgaven profile (see buildSimilarExperimentsSql). */
export async function listSimilarExperiments(experimentId: string): Promise<SimilarExperimentRow[]> {
  return db.$queryRaw<SimilarExperimentRow[]>(buildSimilarExperimentsSql(experimentId));
}
