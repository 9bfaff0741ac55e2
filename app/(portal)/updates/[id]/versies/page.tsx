import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { can } from "@/lib/policy/permissions";
import { idParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";
import { listRevisions } from "@/lib/updates/queries";
import { BodyDiff, type Revision } from "./revision-diff";

const loadRevisions = cache(listRevisions);

export async function generateMetadata({ params }: PageProps<"/updates/[id]/versies">): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!can(user, "portal:read")) return {};
  const update = await loadRevisions(user, idParam((await params).id));
  const t = await getTranslations();
  return { title: update ? t("update.revisions.title", { title: update.title }) : t("notFound.title") };
}

function sameList(a: string[], b: string[]) {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export default async function RevisionsPage({ params }: PageProps<"/updates/[id]/versies">) {
  const id = idParam((await params).id);
  const user = await requirePermission("portal:read", `/updates/${encodeURIComponent(id)}/versies`);
  // Null when the reader may not read the update: a plain 404.
  const update = await loadRevisions(user, id);
  if (!update) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const none = t("common.none");
  const list = (values: string[]) => (values.length ? values.join(", ") : none);

  // Oldest first from the query; each version is compared with the one before it, then shown newest first.
  const versions = update.revisions
    .map((revision, index) => ({ revision, number: index + 1, previous: index > 0 ? update.revisions[index - 1] : undefined }))
    .reverse();

  function changes(previous: Revision, current: Revision) {
    const rows: { field: string; was: string; is: string }[] = [];
    if (previous.title !== current.title) rows.push({ field: t("update.revisions.fieldTitle"), was: previous.title, is: current.title });
    if (previous.phase !== current.phase) {
      rows.push({ field: t("update.revisions.fieldPhase"), was: t(`phases.${previous.phase}`), is: t(`phases.${current.phase}`) });
    }
    if ((previous.milestone ?? "") !== (current.milestone ?? "")) {
      rows.push({ field: t("update.revisions.fieldMilestone"), was: previous.milestone || none, is: current.milestone || none });
    }
    if (!sameList(previous.opgaven, current.opgaven)) {
      rows.push({ field: t("update.revisions.fieldOpgaven"), was: list(previous.opgaven), is: list(current.opgaven) });
    }
    if (!sameList(previous.themes, current.themes)) {
      rows.push({ field: t("update.revisions.fieldThemes"), was: list(previous.themes), is: list(current.themes) });
    }
    return rows;
  }

  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div className="space-y-2">
        <Breadcrumbs
          items={[{ nav: "updates", href: "/updates" }, { label: update.title, href: `/updates/${update.id}` }, { nav: "crumbRevisions" }]}
        />
        <h1>{t("update.revisions.title", { title: update.title })}</h1>
        <p>{t("update.revisions.intro")}</p>
      </div>

      {versions.length === 0 ? (
        <p>{t("update.revisions.none")}</p>
      ) : (
        <ol className="space-y-6">
          {versions.map(({ revision, number, previous }, index) => {
            const rows = previous ? changes(previous, revision) : [];
            const bodyChanged = previous ? previous.body !== revision.body : false;
            const headingId = `versie-${number}`;
            return (
              <li key={revision.id}>
                <article aria-labelledby={headingId} className="space-y-4 rounded border border-slate-300 bg-white p-4 shadow-sm">
                  <div className="space-y-1">
                    <h2 id={headingId}>
                      {t("update.revisions.version", { number })}
                      {index === 0 ? <span className="font-normal"> ({t("update.revisions.current")})</span> : null}
                    </h2>
                    <p className="text-sm text-slate-700">
                      {t("update.revisions.by", { name: revision.editor.name })}{" "}
                      <time dateTime={revision.createdAt.toISOString()}>
                        {format.dateTime(revision.createdAt, { dateStyle: "long", timeStyle: "short" })}
                      </time>
                    </p>
                  </div>

                  {!previous ? (
                    <p>{t("update.revisions.first")}</p>
                  ) : rows.length === 0 && !bodyChanged ? (
                    <p>{t("update.revisions.noChanges")}</p>
                  ) : (
                    <>
                      {rows.length ? (
                        <div className="overflow-x-auto">
                          <table className="w-full border-collapse text-left text-sm">
                            <caption className="sr-only">{t("update.revisions.changesCaption", { number })}</caption>
                            <thead>
                              <tr className="border-b-2 border-slate-400">
                                <th scope="col" className="p-2">
                                  {t("update.revisions.field")}
                                </th>
                                <th scope="col" className="p-2">
                                  {t("update.revisions.was")}
                                </th>
                                <th scope="col" className="p-2">
                                  <span aria-hidden="true">→ </span>
                                  {t("update.revisions.is")}
                                </th>
                              </tr>
                            </thead>
                            <tbody>
                              {rows.map((row) => (
                                <tr key={row.field} className="border-b border-slate-200 align-top">
                                  <th scope="row" className="p-2 font-semibold">
                                    {row.field}
                                  </th>
                                  <td className="p-2 text-slate-700">{row.was}</td>
                                  <td className="p-2">{row.is}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      ) : null}
                      <section aria-labelledby={`${headingId}-body`} className="space-y-2">
                        <h3 id={`${headingId}-body`} className="font-semibold">
                          {t("update.revisions.bodyChanges")}
                        </h3>
                        {bodyChanged ? (
                          <BodyDiff
                            before={previous.body}
                            after={revision.body}
                            labels={{
                              added: t("update.revisions.added"),
                              removed: t("update.revisions.removed"),
                              skipped: t("update.revisions.skipped"),
                            }}
                          />
                        ) : (
                          <p>{t("update.revisions.bodyUnchanged")}</p>
                        )}
                      </section>
                    </>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
