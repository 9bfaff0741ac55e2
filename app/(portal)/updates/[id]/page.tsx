import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { UpdateAppreciation } from "@/components/appreciation/update-appreciation";
import { CommentSection } from "@/components/comments/comment-section";
import { FeedbackRequests } from "@/components/feedback/feedback-requests";
import { FollowButton } from "@/components/follows/follow-button";
import { InspirationNotice } from "@/components/inspiration/consent-notice";
import { RelatedElsewhere } from "@/components/koppelkansen/related-elsewhere";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { LessonsCiting } from "@/components/lessons/lessons-citing";
import { getMarkdownLabels } from "@/components/markdown/labels";
import { Markdown } from "@/components/markdown/markdown";
import { UpdateModeration } from "@/components/moderation/update-moderation";
import { VisitRecorder } from "@/components/notifications/visit-recorder";
import { Avatar } from "@/components/people/avatar";
import { TagList } from "@/components/ui/tag-list";
import { profilePath } from "@/lib/comments/mentions";
import { getLastVisit, newCommentCounts } from "@/lib/notifications/visits";
import { can } from "@/lib/policy/permissions";
import { isListedUpdate } from "@/lib/policy/updates";
import { idParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";
import { getUpdateForReader } from "@/lib/updates/queries";
import { WithdrawButton } from "./withdraw-button";

// Metadata and page share one query per request (the user object is cached per request too).
const loadUpdate = cache(getUpdateForReader);

export async function generateMetadata({ params }: PageProps<"/updates/[id]">): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!can(user, "portal:read")) return {};
  const update = await loadUpdate(user, idParam((await params).id));
  return { title: update?.title ?? (await getTranslations("notFound"))("title") };
}

const actionLinkClass =
  "inline-flex items-center rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand no-underline hover:bg-brand-light hover:text-brand-dark";

export default async function UpdatePage({ params, searchParams }: PageProps<"/updates/[id]">) {
  const id = idParam((await params).id);
  const user = await requirePermission("portal:read", `/updates/${encodeURIComponent(id)}`);
  // Null for an update the reader may not see (someone else's draft, a withdrawn one): a plain 404.
  const update = await loadUpdate(user, id);
  if (!update) notFound();
  const [t, format, markdownLabels] = await Promise.all([getTranslations(), getFormatter(), getMarkdownLabels()]);
  const revisionCount = update._count.revisions;
  // Comments by others since the reader's previous visit (VisitRecorder below records this one after render).
  const newSinceVisit = (await newCommentCounts(user.id, [update.id]))[update.id] ?? 0;

  return (
    <article aria-labelledby="update-title" className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-4">
        <Breadcrumbs items={[{ nav: "updates", href: "/updates" }, { label: update.title }]} />
        <h1 id="update-title">{update.title}</h1>
        {isListedUpdate(update) ? <FollowButton targetType="UPDATE" targetId={update.id} name={update.title} /> : null}
        {newSinceVisit > 0 ? (
          <p>
            <a href="#reacties" className="font-semibold">
              {t("notifications.newSinceVisit", { count: newSinceVisit })}
            </a>
          </p>
        ) : null}
        {update.status === "DRAFT" ? (
          <p>
            <span className="inline-block rounded border border-amber-800 bg-amber-50 px-3 py-1 font-semibold text-amber-900">
              {t("update.page.draftBadge")}
            </span>
          </p>
        ) : null}
        {update.status === "WITHDRAWN" ? (
          <p className="space-x-2">
            <span className="inline-block rounded border border-red-800 bg-red-50 px-3 py-1 font-semibold text-red-900">
              {t("update.page.withdrawnBadge")}
            </span>
            {update.withdrawnAt ? (
              <span className="text-sm text-slate-700">
                {t("update.page.withdrawnOn")}{" "}
                <time dateTime={update.withdrawnAt.toISOString()}>{format.dateTime(update.withdrawnAt, { dateStyle: "long" })}</time>
              </span>
            ) : null}
          </p>
        ) : null}

        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4">
          <dt className="font-semibold">{t("update.page.experiment")}</dt>
          <dd>
            <Link href={`/experimenten/${update.experiment.slug}`}>{update.experiment.title}</Link>
          </dd>
          <dt className="font-semibold">{t("update.page.municipality")}</dt>
          <dd>
            <Link href={`/gemeenten/${update.experiment.municipality.slug}`}>{update.experiment.municipality.name}</Link>
          </dd>
          <dt className="font-semibold">{t("update.page.author")}</dt>
          <dd>
            <Avatar name={update.author.name} avatarId={update.author.avatarId} className="mr-2" />
            <Link href={profilePath(update.authorId)}>{update.author.name}</Link>
          </dd>
          <dt className="font-semibold">{t("update.page.publishedAt")}</dt>
          <dd>
            {update.publishedAt ? (
              <time dateTime={update.publishedAt.toISOString()}>{format.dateTime(update.publishedAt, { dateStyle: "long" })}</time>
            ) : (
              t("update.page.notPublished")
            )}
          </dd>
          <dt className="font-semibold">{t("update.page.phase")}</dt>
          <dd>{t(`phases.${update.phase}`)}</dd>
          {update.milestone ? (
            <>
              <dt className="font-semibold">{t("update.page.milestone")}</dt>
              <dd>{update.milestone}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("update.page.opgaven")}</dt>
          <dd>
            {update.opgaven.length ? <TagList items={update.opgaven} href={(opgave) => `/opgaven/${opgave.slug}`} /> : t("common.none")}
          </dd>
          <dt className="font-semibold">{t("update.page.themes")}</dt>
          <dd>{update.themes.length ? <TagList items={update.themes} href={(theme) => `/themas/${theme.slug}`} /> : t("common.none")}</dd>
        </dl>

        {isListedUpdate(update) ? <UpdateAppreciation updateId={update.id} actor={user} /> : null}
        <UpdateModeration update={update} actor={user} />
        <InspirationNotice updateId={update.id} actor={user} />

        {update.canEdit || update.canWithdraw || revisionCount > 1 ? (
          <div className="flex flex-wrap items-start gap-3">
            {update.canEdit ? (
              <Link href={`/updates/${update.id}/bewerken`} className={actionLinkClass}>
                {t("update.page.edit")}
              </Link>
            ) : null}
            {revisionCount > 1 ? (
              <Link href={`/updates/${update.id}/versies`} className={actionLinkClass}>
                {t("update.page.history", { count: revisionCount })}
              </Link>
            ) : null}
            {update.canWithdraw ? <WithdrawButton updateId={update.id} /> : null}
          </div>
        ) : null}
      </header>

      {update.body.trim() ? (
        <Markdown labels={markdownLabels} className="max-w-3xl text-lg">
          {update.body}
        </Markdown>
      ) : (
        <p className="text-slate-700">{t("update.page.noBody")}</p>
      )}

      {isListedUpdate(update) ? <LessonsCiting updateId={update.id} actor={user} /> : null}
      {isListedUpdate(update) ? <FeedbackRequests updateId={update.id} updateAuthorId={update.authorId} actor={user} /> : null}

      {isListedUpdate(update) ? (
        <section id="reacties" aria-labelledby="reacties-titel" className="scroll-mt-6 border-t border-slate-300 pt-8">
          <CommentSection
            updateId={update.id}
            actor={user}
            updateAuthorId={update.authorId}
            shownComments={(await searchParams).reacties}
            lastVisitedAt={await getLastVisit(user.id, update.id)}
          />
        </section>
      ) : (
        <section id="reacties" />
      )}
      {isListedUpdate(update) ? <RelatedElsewhere updateId={update.id} /> : null}
      <VisitRecorder updateId={update.id} />
    </article>
  );
}
