/**
 * The SQL behind the peers a feedback request form suggests, built without
 * touching the database: lib/feedback/queries.ts runs it through Prisma, and
 * tests run the same text. A module of its own (no "server-only"), like
 * lib/updates/table-sql.ts, so plain Node scripts may import it too.
 *
 * Who is suggested: people linked to experiments in OTHER municipalities
 * whose listed updates carry opgaven of this update — as the author of such
 * an update, or as a project leader of its experiment. Ranked by the number
 * of shared opgaven, then by the number of those updates, then by name; each
 * row names the shared opgaven (in the programme's order) as the reason.
 * Never the asker, nobody blocked or anonymised, only listed updates.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { listedUpdateSql } from "@/lib/policy/updates";
import { activeUserSql } from "@/lib/policy/users";

/** One suggested peer, as the SQL answers it. */
export type FeedbackSuggestionRow = {
  id: string;
  name: string;
  municipality: string | null;
  /** How many of the update's opgaven this person's work elsewhere shares. */
  shared: number;
  /** How many listed updates elsewhere carry one of them. */
  updates: number;
  /** The shared opgaven, in the programme's order. */
  opgaven: string[];
};

export function buildFeedbackSuggestionsSql(input: { updateId: string; askerId: string; limit: number; now?: Date }): Prisma.Sql {
  const now = input.now ?? new Date();
  return Prisma.sql`
    WITH target AS (
      SELECT e."municipalityId" AS municipality_id
        FROM "Update" t JOIN "Experiment" e ON e.id = t."experimentId"
       WHERE t.id = ${input.updateId}
    ),
    elsewhere AS (
      SELECT u.id AS update_id, u."authorId" AS author_id, u."experimentId" AS experiment_id, uo."opgaveId" AS opgave_id
        FROM "UpdateOpgave" wanted
        JOIN "UpdateOpgave" uo ON uo."opgaveId" = wanted."opgaveId"
        JOIN "Update" u ON u.id = uo."updateId"
        JOIN "Experiment" e ON e.id = u."experimentId"
       WHERE wanted."updateId" = ${input.updateId}
         AND ${listedUpdateSql("u")}
         AND e."municipalityId" <> (SELECT municipality_id FROM target)
    ),
    links AS (
      SELECT author_id AS user_id, opgave_id, update_id FROM elsewhere
      UNION
      SELECT l."B" AS user_id, el.opgave_id, el.update_id
        FROM elsewhere el JOIN "_ExperimentLeaders" l ON l."A" = el.experiment_id
    ),
    per_person AS (
      SELECT user_id, count(DISTINCT opgave_id)::int AS shared, count(DISTINCT update_id)::int AS updates
        FROM links GROUP BY user_id
    ),
    reasons AS (
      SELECT p.user_id, array_agg(o.name ORDER BY o."sortOrder", o.name) AS opgaven
        FROM (SELECT DISTINCT user_id, opgave_id FROM links) p JOIN "Opgave" o ON o.id = p.opgave_id
       GROUP BY p.user_id
    )
    SELECT pu.id, pu.name, m.name AS municipality, pp.shared, pp.updates, r.opgaven
      FROM per_person pp
      JOIN reasons r ON r.user_id = pp.user_id
      JOIN "User" pu ON pu.id = pp.user_id
      LEFT JOIN "Municipality" m ON m.id = pu."municipalityId"
     WHERE pu.id <> ${input.askerId}
       AND pu."anonymisedAt" IS NULL
       AND ${activeUserSql("pu", now)}
     ORDER BY pp.shared DESC, pp.updates DESC, pu.name ASC, pu.id ASC
     LIMIT ${input.limit}`;
}
