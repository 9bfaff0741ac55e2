import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { StepForm, type Step } from "@/components/inspiration/step-form";
import { setInspirationPublicationAction } from "@/lib/inspiration/actions";
import type { CurationEntry } from "@/lib/inspiration/queries";
import { EditEntryForm, RemoveEntryForm } from "./entry-forms";

/** Why an entry is (not) in the public book, as one key of inspiration.bookState. */
function bookState(entry: CurationEntry) {
  if (entry.public) return "public";
  if (!entry.listed) return "notListed";
  if (entry.consent === "REQUESTED") return "waiting";
  if (entry.consent === "DECLINED") return "declined";
  return "readyToPublish";
}

/** One proposed praktijkvoorbeeld on the curation page, with its state and steps. */
export async function EntryCard({ entry, themes }: { entry: CurationEntry; themes: { id: string; name: string }[] }) {
  const [t, format] = await Promise.all([getTranslations("inspiration"), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  const { update } = entry;
  const state = bookState(entry);
  const steps: Step[] = entry.publishedAt
    ? [{ step: "unpublish", label: t("curation.unpublish") }]
    : state === "readyToPublish"
      ? [{ step: "publish", label: t("curation.publish") }]
      : [];
  // An archived chapter stays choosable for the entry that already has it.
  const choices =
    entry.themeId && entry.theme && !themes.some((theme) => theme.id === entry.themeId)
      ? [...themes, { id: entry.themeId, name: entry.theme.name }]
      : themes;
  return (
    <li id={`voorstel-${entry.id}`} className="scroll-mt-6">
      <article aria-labelledby={`voorstel-${entry.id}-titel`} className="space-y-3 rounded border border-slate-300 bg-white p-4">
        <h3 id={`voorstel-${entry.id}-titel`} className="text-lg font-semibold">
          <Link href={`/updates/${update.id}`}>{update.title}</Link>
        </h3>
        <p className="text-sm text-slate-700">
          {[update.experiment.municipality.name, update.experiment.title, update.author.name].join(" · ")}
        </p>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("curation.inBook")}</dt>
          <dd>
            <span className={entry.public ? "font-semibold text-green-900" : undefined}>{t(`bookState.${state}`)}</span>
          </dd>
          <dt className="font-semibold">{t("curation.consent")}</dt>
          <dd>
            {t(`consentState.${entry.consent}`)}
            {entry.respondedAt ? ` (${date(entry.respondedAt)})` : ""}
          </dd>
          {entry.publishedAt ? (
            <>
              <dt className="font-semibold">{t("curation.publishedAt")}</dt>
              <dd>{date(entry.publishedAt)}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("curation.sortOrder")}</dt>
          <dd className="tabular-nums">{entry.sortOrder}</dd>
          <dt className="font-semibold">{t("curation.requestedBy")}</dt>
          <dd>{t("curation.requestedByValue", { name: entry.requestedBy.name, date: date(entry.createdAt) })}</dd>
        </dl>
        {entry.introduction ? (
          <blockquote className="border-l-4 border-slate-300 pl-4 whitespace-pre-line text-slate-800">{entry.introduction}</blockquote>
        ) : null}
        <div className="flex flex-wrap items-start gap-2">
          {steps.length ? (
            <StepForm
              action={setInspirationPublicationAction}
              fields={{ entryId: entry.id }}
              steps={steps}
              label={t("curation.publicationLabel", { title: update.title })}
              done={{ publish: t("curation.published"), unpublish: t("curation.unpublished") }}
            />
          ) : null}
          <EditEntryForm entry={entry} themes={choices} title={update.title} />
          <RemoveEntryForm entryId={entry.id} title={update.title} />
        </div>
      </article>
    </li>
  );
}
