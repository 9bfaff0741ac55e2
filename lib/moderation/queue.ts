import "server-only";
import { pageCountOf } from "@/components/data-table/url-state";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { excerpt } from "@/lib/notifications/email";
import { can, type Actor } from "@/lib/policy/permissions";
import type { QueueParams } from "./queue-params";

/** Which items a queue view holds: with open reports, hidden ones, or every moderated item. */
function queueWhere(params: QueueParams): Prisma.ModerationItemWhereInput {
  const state: Prisma.ModerationItemWhereInput =
    params.state === "open"
      ? { openReports: { gt: 0 } }
      : params.state === "hidden"
        ? { OR: [{ update: { hiddenAt: { not: null } } }, { comment: { hiddenAt: { not: null }, deletedAt: null } }] }
        : {};
  return { ...state, ...(params.type === "any" ? {} : { targetType: params.type }) };
}

function queueOrder(params: QueueParams): Prisma.ModerationItemOrderByWithRelationInput[] {
  return params.sort === "age"
    ? [{ lastReportedAt: { sort: params.dir, nulls: "last" } }, { id: "asc" }]
    : [{ openReports: params.dir }, { lastReportedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }];
}

const itemSelect = {
  id: true,
  targetType: true,
  contextUpdateId: true,
  commentId: true,
  openReports: true,
  lastReportedAt: true,
  claimedUntil: true,
  claimedBy: { select: { id: true, name: true } },
  update: { select: { title: true, hiddenAt: true, status: true, commentsLockedAt: true, author: { select: { name: true } } } },
  comment: {
    select: { body: true, hiddenAt: true, deletedAt: true, author: { select: { name: true } }, update: { select: { title: true } } },
  },
  reports: {
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    select: { reason: true, text: true, createdAt: true, reporter: { select: { name: true } } },
  },
} as const satisfies Prisma.ModerationItemSelect;

type ItemRow = Prisma.ModerationItemGetPayload<{ select: typeof itemSelect }>;

function toQueueRow(row: ItemRow, actor: Actor, now: Date) {
  const comment = row.comment;
  const update = row.update;
  const claimed =
    row.claimedBy && row.claimedUntil && row.claimedUntil > now
      ? { name: row.claimedBy.name, mine: row.claimedBy.id === actor.id, until: row.claimedUntil }
      : null;
  const reasons = new Map<string, number>();
  for (const report of row.reports) reasons.set(report.reason, (reasons.get(report.reason) ?? 0) + 1);
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: (row.commentId ?? row.contextUpdateId) as string,
    updateId: row.contextUpdateId,
    updateTitle: comment?.update.title ?? update?.title ?? "",
    excerpt: excerpt(comment ? comment.body : update?.title, 200) ?? "",
    author: comment?.author.name ?? update?.author.name ?? "",
    href: comment ? `/updates/${row.contextUpdateId}#reactie-${row.commentId}` : `/updates/${row.contextUpdateId}`,
    state: comment?.deletedAt
      ? ("deleted" as const)
      : (comment?.hiddenAt ?? update?.hiddenAt)
        ? ("hidden" as const)
        : update?.status === "WITHDRAWN"
          ? ("withdrawn" as const)
          : ("visible" as const),
    locked: Boolean(update?.commentsLockedAt),
    openReports: row.openReports,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
    reports: row.reports.map((report) => ({
      reason: report.reason,
      text: report.text,
      reporter: report.reporter.name,
      at: report.createdAt,
    })),
    oldestReportAt: row.reports[0]?.createdAt ?? null,
    claimed,
  };
}

export type QueueRow = ReturnType<typeof toQueueRow>;

/** One page of the review queue, for staff who review reports; nobody else gets rows. */
export async function listReviewQueue(actor: Actor, params: QueueParams, now = new Date()) {
  if (!can(actor, "report:review")) return { rows: [] as QueueRow[], total: 0, pageCount: 1 };
  const where = queueWhere(params);
  const [rows, total] = await Promise.all([
    db.moderationItem.findMany({
      where,
      orderBy: queueOrder(params),
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      select: itemSelect,
    }),
    db.moderationItem.count({ where }),
  ]);
  return { rows: rows.map((row) => toQueueRow(row, actor, now)), total, pageCount: pageCountOf(total, params.perPage) };
}
