import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@/components/people/avatar";
import { can } from "@/lib/policy/permissions";
import { getProfile } from "@/lib/profiles/queries";
import { idParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";

// Metadata and page share one query per request.
const loadProfile = cache(getProfile);

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!can(user, "portal:read")) return {};
  const profile = await loadProfile(user, idParam((await params).id));
  return { title: profile?.name ?? (await getTranslations("notFound"))("title") };
}

/** A person's page, for every member: who they are, what they lead, what they recently wrote. */
export default async function PersonPage({ params }: Props) {
  const id = idParam((await params).id);
  const user = await requirePermission("portal:read", `/mensen/${id}`);
  const profile = await loadProfile(user, id);
  if (!profile) notFound();
  const [t, tRoles, format] = await Promise.all([getTranslations("people.profile"), getTranslations("roles"), getFormatter()]);
  const name = profile.name;
  const day = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "long" })}</time>;

  return (
    <div className="max-w-3xl space-y-10">
      <header className="flex flex-wrap items-center gap-4">
        <Avatar name={name} avatarId={profile.avatarId} size="lg" />
        <div className="min-w-0 space-y-1">
          <h1 className="break-words">{name}</h1>
          <p className="text-slate-700">
            {tRoles(profile.role)}
            {profile.municipality ? (
              <>
                {" · "}
                <Link href={`/gemeenten/${profile.municipality.slug}`}>{profile.municipality.name}</Link>
              </>
            ) : null}
          </p>
          {profile.id === user.id ? <Link href="/profiel/gegevens">{t("editOwn")}</Link> : null}
        </div>
      </header>

      <section aria-labelledby="over" className="space-y-3">
        <h2 id="over">{t("bio")}</h2>
        {profile.bio ? (
          <p className="whitespace-pre-line break-words">{profile.bio}</p>
        ) : (
          <p className="text-slate-700">{t("noBio", { name })}</p>
        )}
        <dl className="grid gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("role")}</dt>
          <dd>{tRoles(profile.role)}</dd>
          <dt className="font-semibold">{t("municipality")}</dt>
          <dd>{profile.municipality?.name ?? t("noMunicipality")}</dd>
        </dl>
      </section>

      <section aria-labelledby="experimenten" className="space-y-3">
        <h2 id="experimenten">{t("experiments")}</h2>
        {profile.ledExperiments.length ? (
          <ul className="list-disc space-y-1 pl-6">
            {profile.ledExperiments.map((experiment) => (
              <li key={experiment.slug}>
                <Link href={`/experimenten/${experiment.slug}`}>{experiment.title}</Link>{" "}
                <span className="text-slate-700">({experiment.municipality.name})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t("noExperiments", { name })}</p>
        )}
      </section>

      <section aria-labelledby="updates" className="space-y-3">
        <h2 id="updates">{t("updates")}</h2>
        {profile.updates.length ? (
          <ul className="space-y-3" data-profile-updates="">
            {profile.updates.map((update) => (
              <li key={update.id} className="rounded border border-slate-300 bg-white p-4">
                <Link href={`/updates/${update.id}`} className="font-semibold">
                  {update.title}
                </Link>
                <p className="text-sm text-slate-700">
                  {update.experiment.title}
                  {update.publishedAt ? <> · {day(update.publishedAt)}</> : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t("noUpdates", { name })}</p>
        )}
      </section>

      <section aria-labelledby="reacties" className="space-y-3">
        <h2 id="reacties">{t("comments")}</h2>
        {profile.comments.length ? (
          <ul className="space-y-3" data-profile-comments="">
            {profile.comments.map((comment) => (
              <li key={comment.id} className="rounded border border-slate-300 bg-white p-4">
                <Link href={`/updates/${comment.update.id}#reactie-${comment.id}`} className="font-semibold">
                  {t("commentOn", { title: comment.update.title })}
                </Link>
                <p className="text-sm text-slate-700">{day(comment.createdAt)}</p>
                <p className="break-words">{comment.excerpt}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t("noComments", { name })}</p>
        )}
      </section>
    </div>
  );
}
