import "server-only";
import { db } from "@/lib/db";
import type { FollowTarget } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/permissions";
import { visibleUpdatesWhere } from "@/lib/policy/updates";
import { localisedName } from "@/lib/taxonomy/localise";
import { followTargets } from "./schema";

export async function isFollowing(userId: string, targetType: FollowTarget, targetId: string): Promise<boolean> {
  const row = await db.follow.findUnique({
    where: { userId_targetType_targetId: { userId, targetType, targetId } },
    select: { id: true },
  });
  return row !== null;
}

export type FollowedItem = { targetType: FollowTarget; targetId: string; name: string; href: string; followedAt: Date };

/**
 * Everything someone follows, per kind (in the order of `followTargets`),
 * sorted by name, with a link. Targets that no longer exist (or an update the
 * person can no longer read) are left out. Opgaven and themes are named in
 * `locale` (the English name when there is one).
 */
export async function listFollows(reader: Pick<Actor, "id" | "role">, locale = "nl"): Promise<Record<FollowTarget, FollowedItem[]>> {
  const userId = reader.id;
  const follows = await db.follow.findMany({ where: { userId }, select: { targetType: true, targetId: true, createdAt: true } });
  const ids = (type: FollowTarget) => follows.filter((row) => row.targetType === type).map((row) => row.targetId);
  const [experiments, opgaven, themes, municipalities, updates] = await Promise.all([
    db.experiment.findMany({ where: { id: { in: ids("EXPERIMENT") } }, select: { id: true, title: true, slug: true } }),
    db.opgave.findMany({ where: { id: { in: ids("OPGAVE") } }, select: { id: true, name: true, nameEn: true, slug: true } }),
    db.theme.findMany({ where: { id: { in: ids("THEME") } }, select: { id: true, name: true, nameEn: true, slug: true } }),
    db.municipality.findMany({ where: { id: { in: ids("MUNICIPALITY") } }, select: { id: true, name: true, slug: true } }),
    db.update.findMany({
      where: { AND: [{ id: { in: ids("UPDATE") } }, visibleUpdatesWhere(reader)] },
      select: { id: true, title: true },
    }),
  ]);
  const targets = new Map<string, { name: string; href: string }>([
    ...experiments.map(
      (row) => [`EXPERIMENT:${row.id}`, { name: row.title, href: `/experimenten/${encodeURIComponent(row.slug)}` }] as const,
    ),
    ...opgaven.map(
      (row) => [`OPGAVE:${row.id}`, { name: localisedName(row, locale), href: `/opgaven/${encodeURIComponent(row.slug)}` }] as const,
    ),
    ...themes.map(
      (row) => [`THEME:${row.id}`, { name: localisedName(row, locale), href: `/themas/${encodeURIComponent(row.slug)}` }] as const,
    ),
    ...municipalities.map(
      (row) => [`MUNICIPALITY:${row.id}`, { name: row.name, href: `/gemeenten/${encodeURIComponent(row.slug)}` }] as const,
    ),
    ...updates.map((row) => [`UPDATE:${row.id}`, { name: row.title, href: `/updates/${row.id}` }] as const),
  ]);
  const result = Object.fromEntries(followTargets.map((type) => [type, [] as FollowedItem[]])) as Record<FollowTarget, FollowedItem[]>;
  for (const row of follows) {
    const target = targets.get(`${row.targetType}:${row.targetId}`);
    if (target) result[row.targetType].push({ targetType: row.targetType, targetId: row.targetId, followedAt: row.createdAt, ...target });
  }
  for (const list of Object.values(result)) list.sort((a, b) => a.name.localeCompare(b.name, locale));
  return result;
}
