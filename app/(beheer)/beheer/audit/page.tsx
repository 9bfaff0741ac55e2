import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { dataTableQuery } from "@/components/data-table/url-state";
import { describeAuditData } from "@/lib/audit/details";
import { AUDIT_EVENT_TYPES, auditTargetType } from "@/lib/audit/events";
import { auditEventLabelKey, auditFallbackLabel, auditFieldLabelKey, auditTargetLabelKey } from "@/lib/audit/labels";
import { listAuditLog } from "@/lib/audit/queries";
import { AUDIT_TABLE_DEFAULTS, parseAuditTableParams } from "@/lib/audit/table-params";
import { requirePermission } from "@/lib/session";
import { AuditFilters } from "./audit-filters";
import { AuditTable, type AuditTableRow } from "./audit-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** Field values that are names of something the catalogs translate. */
const VALUE_NAMESPACES: Partial<Record<string, string>> = { role: "roles", phase: "phases" };

/** The audit log, read-only, for coordinators and admins. */
export default async function AuditPage({ searchParams }: Props) {
  const params = parseAuditTableParams(await searchParams);
  const actor = await requirePermission("audit:read", `/beheer/audit${dataTableQuery(params, AUDIT_TABLE_DEFAULTS)}`);
  const [t, format, page] = await Promise.all([getTranslations(), getFormatter(), listAuditLog(actor, params)]);

  // A type or field the catalogs do not name yet still reads, and never breaks the page.
  const label = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const eventLabel = (type: string) => label(auditEventLabelKey(type), auditFallbackLabel(type));
  const targetLabel = (type: string) => label(auditTargetLabelKey(type), type);
  const value = (field: string, text: string) => {
    const namespace = VALUE_NAMESPACES[field];
    return namespace ? label(`${namespace}.${text}`, text) : text;
  };

  const types = [...new Set([...AUDIT_EVENT_TYPES, ...(params.type ? [params.type] : [])])]
    .map((type) => ({ value: type, label: eventLabel(type) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const targetTypes = [...new Set([...AUDIT_EVENT_TYPES.map(auditTargetType), ...(params.targetType ? [params.targetType] : [])])]
    .map((type) => ({ value: type, label: targetLabel(type) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const rows: AuditTableRow[] = page.rows.map((row) => ({
    id: row.id,
    at: { iso: row.createdAt.toISOString(), text: format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
    actor: row.actor
      ? { name: row.actor.name, email: row.actor.email, href: `/beheer/audit?actor=${encodeURIComponent(row.actor.email)}` }
      : null,
    event: { type: row.action, label: eventLabel(row.action) },
    target: {
      typeLabel: targetLabel(row.targetType),
      id: row.targetId,
      label: row.target.label,
      href: row.target.href,
      historyHref: row.targetId ? `/beheer/audit${dataTableQuery({ targetType: row.targetType, targetId: row.targetId })}` : null,
    },
    reason: row.reason,
    details: describeAuditData(row.data).map((detail) => {
      const field = label(auditFieldLabelKey(detail.field), detail.field);
      return "value" in detail
        ? { label: field, value: value(detail.field, detail.value) }
        : { label: field, before: value(detail.field, detail.before), after: value(detail.field, detail.after) };
    }),
  }));

  return (
    <div className="space-y-6">
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <AuditFilters params={params} types={types} targetTypes={targetTypes} />
      {params.from && params.to && params.from > params.to ? (
        <p role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {t("audit.periodReversed")}
        </p>
      ) : null}
      <AuditTable rows={rows} total={page.total} pageCount={page.pageCount} params={params} />
    </div>
  );
}
