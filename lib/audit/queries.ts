import "server-only";
import { pageCountOf } from "@/components/data-table/url-state";
import { addDays, startOfDay } from "@/lib/calendar-day";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/policy/permissions";
import type { AuditTableParams } from "./table-params";
import { describeAuditTargets, targetKey, type AuditTarget } from "./targets";

type Filters = Pick<AuditTableParams, "actor" | "type" | "targetType" | "targetId" | "from" | "to">;

/**
 * The audit log's filters as one Prisma condition, without touching the
 * database (the page and the tests share it). Each filter meets an index:
 * (actorId, createdAt), (action, createdAt), (targetType, targetId,
 * createdAt), (createdAt). Days are Amsterdam days; "to" includes its day.
 */
export function auditLogWhere(filters: Filters): Prisma.AuditLogWhereInput {
  const conditions: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor) {
    const text = { contains: filters.actor, mode: "insensitive" } as const;
    conditions.push({ actor: { OR: [{ name: text }, { email: text }] } });
  }
  if (filters.type) conditions.push({ action: filters.type });
  if (filters.targetType) conditions.push({ targetType: filters.targetType });
  if (filters.targetId) conditions.push({ targetId: filters.targetId });
  if (filters.from) conditions.push({ createdAt: { gte: startOfDay(filters.from) } });
  if (filters.to) conditions.push({ createdAt: { lt: startOfDay(addDays(filters.to, 1)) } });
  return { AND: conditions };
}

export type AuditLogRow = {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  target: AuditTarget;
  reason: string | null;
  data: Prisma.JsonValue;
};

export type AuditLogPage = { rows: AuditLogRow[]; total: number; pageCount: number };

/**
 * One page of the audit log, newest first unless asked otherwise, for those
 * who may read it (coordinators and admins); anyone else gets an empty page.
 */
export async function listAuditLog(actor: Actor | null, params: AuditTableParams): Promise<AuditLogPage> {
  if (!actor || !can(actor, "audit:read")) return { rows: [], total: 0, pageCount: 1 };
  const where = auditLogWhere(params);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: params.dir }, { id: params.dir }],
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      select: {
        id: true,
        createdAt: true,
        action: true,
        targetType: true,
        targetId: true,
        reason: true,
        data: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
    db.auditLog.count({ where }),
  ]);
  const targets = await describeAuditTargets(actor, rows);
  return {
    rows: rows.map((row) => ({ ...row, target: targets.get(targetKey(row.targetType, row.targetId)) ?? { label: null, href: null } })),
    total,
    pageCount: pageCountOf(total, params.perPage),
  };
}
