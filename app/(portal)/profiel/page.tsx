import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ConsentRequests } from "@/components/inspiration/consent-requests";
import { hasFeedToken } from "@/lib/feeds/service";
import { requirePermission } from "@/lib/session";
import { DataRightsSection } from "./data-rights-section";
import { FeedLinkControls } from "./feed-link-controls";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const user = await requirePermission("portal:read", "/profiel");
  const [t, tRoles, tPeople, hasFeed] = await Promise.all([
    getTranslations("profile"),
    getTranslations("roles"),
    getTranslations("people.settings"),
    hasFeedToken(user.id),
  ]);
  const facts = [
    { label: t("name"), value: user.name },
    { label: t("email"), value: user.email },
    { label: t("role"), value: tRoles(user.role) },
    { label: t("municipality"), value: user.municipality?.name ?? t("noMunicipality") },
  ];
  return (
    <div className="max-w-3xl space-y-10">
      <h1>{t("title")}</h1>
      <ConsentRequests actor={user} />

      <section aria-labelledby="account" className="space-y-4">
        <h2 id="account">{t("account")}</h2>
        <dl className="grid gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr]">
          {facts.map((fact) => (
            <div key={fact.label} className="contents">
              <dt className="font-semibold">{fact.label}</dt>
              <dd className="break-words">{fact.value}</dd>
            </div>
          ))}
        </dl>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/profiel/gegevens">{tPeople("title")}</Link>
          <Link href={`/mensen/${user.id}`}>{tPeople("viewProfile")}</Link>
        </p>
      </section>

      <section aria-labelledby="feed" className="space-y-4">
        <h2 id="feed">{t("feed.title")}</h2>
        <p>{t("feed.intro")}</p>
        <p>{t("feed.howTo")}</p>
        <p>{t("feed.filters")}</p>
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">{t("feed.secret")}</p>
        <p className="font-semibold">{hasFeed ? t("feed.hasLink") : t("feed.noLink")}</p>
        <FeedLinkControls hasFeed={hasFeed} />
      </section>

      <section aria-labelledby="sessions" className="space-y-4">
        <h2 id="sessions">{t("sessions.title")}</h2>
        <p>{t("sessions.intro")}</p>
        <SignOutEverywhereButton label={t("sessions.submit")} />
      </section>

      <DataRightsSection />
    </div>
  );
}
