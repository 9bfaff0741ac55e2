import "server-only";
import { appUrl } from "@/lib/app-url";
import { db } from "@/lib/db";
import { searchUpdates } from "@/lib/updates/queries";
import { updatesTableQuery, type UpdatesTableParams } from "@/lib/updates/table-params";
import { atomFeed, plainSummary, type AtomEntry } from "./atom";

/** How many updates a feed holds. */
export const FEED_SIZE = 50;

/**
 * The newest published updates for a feed, with the table's filters (and
 * search, as a filter): always newest first, one page of FEED_SIZE.
 */
export async function getFeedEntries(params: UpdatesTableParams): Promise<AtomEntry[]> {
  const { rows } = await searchUpdates({ ...params, sort: "date", dir: "desc", page: 1, perPage: FEED_SIZE });
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const [bodies, revisions] = await Promise.all([
    db.update.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } }),
    // An edit after publication saves a revision: that is when the entry last changed
    // (updatedAt also moves when a comment is counted, which is no news for a feed).
    db.updateRevision.groupBy({ by: ["updateId"], where: { updateId: { in: ids } }, _max: { createdAt: true } }),
  ]);
  const bodyOf = new Map(bodies.map((update) => [update.id, update.body]));
  const editedAt = new Map(revisions.map((revision) => [revision.updateId, revision._max.createdAt]));
  return rows.map((row) => {
    const edited = editedAt.get(row.id);
    return {
      id: appUrl(`/updates/${row.id}`),
      title: row.title,
      link: appUrl(`/updates/${row.id}`),
      published: row.publishedAt,
      updated: edited && edited > row.publishedAt ? edited : row.publishedAt,
      author: row.author.name,
      categories: [
        ...row.opgaven.map((opgave) => ({ term: opgave.name, label: opgave.name, scheme: appUrl("/opgaven") })),
        ...row.themes.map((theme) => ({ term: theme.name, label: theme.name, scheme: appUrl("/themas") })),
      ],
      summary: plainSummary(bodyOf.get(row.id) ?? ""),
    };
  });
}

/** The filters of a feed as a query string, without paging and sorting (a feed is always the newest first). */
export function feedQuery(params: UpdatesTableParams): string {
  return updatesTableQuery({ ...params, sort: "date", dir: "desc", page: 1, perPage: 25 });
}

/** The Atom document of a feed for `token` with these filters. */
export async function buildUpdatesFeed({
  token,
  params,
  title,
  subtitle,
  language,
}: {
  token: string;
  params: UpdatesTableParams;
  title: string;
  subtitle: string;
  language: string;
}) {
  const query = feedQuery(params);
  const entries = await getFeedEntries(params);
  return atomFeed({
    // The same for everyone who follows these filters: the token is not part of it.
    id: appUrl(`/updates${query}`),
    title,
    subtitle,
    language,
    selfUrl: appUrl(`/feed/${encodeURIComponent(token)}${query}`),
    alternateUrl: appUrl(`/updates${query}`),
    entries,
  });
}
