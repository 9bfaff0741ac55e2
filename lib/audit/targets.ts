import "server-only";
import { db } from "@/lib/db";
import { visibleCommentsWhere } from "@/lib/policy/comments";
import type { Actor } from "@/lib/policy/permissions";
import { visibleUpdatesWhere } from "@/lib/policy/updates";

/** What the audit page says about a row's target: its name, and the page it has (if the reader may open it). */
export type AuditTarget = { label: string | null; href: string | null };

type Lookup = (actor: Actor, ids: string[]) => Promise<Map<string, AuditTarget>>;

const byId = <T extends { id: string }>(rows: T[], describe: (row: T) => AuditTarget) =>
  new Map(rows.map((row) => [row.id, describe(row)]));

/**
 * One batched lookup per kind of target that has a name or a page. Updates
 * and comments go through the read policy, so a draft's title or a comment
 * the reader may not see stays unnamed. A kind not listed here shows its id.
 */
const lookups: Record<string, Lookup> = {
  User: async (_actor, ids) =>
    byId(await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }), (user) => ({
      label: user.name,
      href: `/beheer/gebruikers/${user.id}`,
    })),
  Update: async (actor, ids) =>
    byId(
      await db.update.findMany({ where: { AND: [{ id: { in: ids } }, visibleUpdatesWhere(actor)] }, select: { id: true, title: true } }),
      (update) => ({
        label: update.title,
        href: `/updates/${update.id}`,
      }),
    ),
  Comment: async (actor, ids) =>
    byId(
      await db.comment.findMany({
        where: { AND: [{ id: { in: ids } }, visibleCommentsWhere(actor)] },
        select: { id: true, updateId: true },
      }),
      (comment) => ({
        label: null,
        href: `/updates/${comment.updateId}#reactie-${comment.id}`,
      }),
    ),
  Municipality: async (_actor, ids) =>
    byId(await db.municipality.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }), (municipality) => ({
      label: municipality.name,
      href: `/beheer/programma/gemeenten/${municipality.id}`,
    })),
  Neighbourhood: async (_actor, ids) =>
    byId(
      await db.neighbourhood.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, municipalityId: true } }),
      (wijk) => ({
        label: wijk.name,
        href: `/beheer/programma/gemeenten/${wijk.municipalityId}`,
      }),
    ),
  Experiment: async (_actor, ids) =>
    byId(await db.experiment.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }), (experiment) => ({
      label: experiment.title,
      href: `/beheer/programma/experimenten/${experiment.id}`,
    })),
  Opgave: async (_actor, ids) =>
    byId(await db.opgave.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }), (opgave) => ({
      label: opgave.name,
      href: `/beheer/taxonomie/opgaven/${opgave.id}`,
    })),
  Theme: async (_actor, ids) =>
    byId(await db.theme.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }), (theme) => ({
      label: theme.name,
      href: `/beheer/taxonomie/themas/${theme.id}`,
    })),
  Lesson: async (_actor, ids) =>
    byId(await db.lesson.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }), (lesson) => ({
      label: lesson.title,
      href: `/lessen/${lesson.id}`,
    })),
  Invitation: async (_actor, ids) =>
    byId(await db.invitation.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }), (invitation) => ({
      label: invitation.email,
      href: null,
    })),
};

/** The key of a target in describeAuditTargets' answer. */
export const targetKey = (targetType: string, targetId: string | null) => `${targetType}:${targetId ?? ""}`;

/** Names and links for the targets of one page of audit rows, one query per kind of target. */
export async function describeAuditTargets(
  actor: Actor,
  rows: { targetType: string; targetId: string | null }[],
): Promise<Map<string, AuditTarget>> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.targetId || !lookups[row.targetType]) continue;
    idsByType.set(row.targetType, (idsByType.get(row.targetType) ?? new Set()).add(row.targetId));
  }
  const found = await Promise.all([...idsByType].map(async ([type, ids]) => [type, await lookups[type]!(actor, [...ids])] as const));
  const targets = new Map<string, AuditTarget>();
  for (const [type, described] of found) for (const [id, target] of described) targets.set(targetKey(type, id), target);
  return targets;
}
