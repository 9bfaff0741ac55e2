import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Citation } from "@/lib/lessons/queries";
import { RemoveCitationButton } from "./lesson-forms";

/**
 * A lesson's citations, numbered: an update (title and municipality) or a
 * comment (excerpt, with a link to it in its thread), each with the
 * coordinator's note. A citation of content that is gone says so; its note
 * shows to staff only, since it may quote what was hidden.
 */
export async function EvidenceList({ evidence, curator }: { evidence: Citation[]; curator: boolean }) {
  const t = await getTranslations("lessons.page");
  return (
    <ol className="space-y-4">
      {evidence.map((citation, index) => (
        <li key={citation.id} className="space-y-2 rounded border border-slate-300 bg-white p-4">
          {citation.available ? <AvailableCitation citation={citation} /> : <UnavailableCitation />}
          {citation.note && (citation.available || curator) ? (
            <p className="text-slate-800">
              <span className="font-semibold">{t("note")}:</span> {citation.note}
            </p>
          ) : null}
          {curator ? <RemoveCitationButton evidenceId={citation.id} number={index + 1} /> : null}
        </li>
      ))}
    </ol>
  );
}

async function AvailableCitation({ citation }: { citation: Extract<Citation, { available: true }> }) {
  const t = await getTranslations("lessons.page");
  const { update, comment } = citation;
  const updateLink = <Link href={`/updates/${update.id}`}>{update.title}</Link>;
  const municipality = (
    <Link href={`/gemeenten/${update.municipality.slug}`} className="text-sm">
      {update.municipality.name}
    </Link>
  );
  if (!comment)
    return (
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-sm font-semibold text-slate-700">{t("citedUpdate")}:</span>
        <span className="font-semibold">{updateLink}</span>
        <span aria-hidden="true">·</span>
        {municipality}
      </p>
    );
  return (
    <>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-sm font-semibold text-slate-700">{t("citedComment", { name: comment.authorName })}</span>
        <span className="font-semibold">{updateLink}</span>
        <span aria-hidden="true">·</span>
        {municipality}
      </p>
      <blockquote className="border-l-4 border-slate-300 pl-4 text-slate-800">{comment.excerpt}</blockquote>
      <p className="text-sm">
        <Link href={`/updates/${update.id}#reactie-${comment.id}`}>{t("viewComment")}</Link>
      </p>
    </>
  );
}

async function UnavailableCitation() {
  const t = await getTranslations("lessons.page");
  return (
    <div className="space-y-1">
      <p className="font-semibold italic text-slate-700">{t("unavailable")}</p>
      <p className="text-sm text-slate-700">{t("unavailableHint")}</p>
    </div>
  );
}
