import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DeletionConsequences } from "@/components/privacy/deletion-consequences";
import { can } from "@/lib/policy/permissions";
import { retentionDays } from "@/lib/privacy/retention-config";
import { getCurrentUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy.page"))("title") };
}

const ITEMS = ["account", "content", "notifications", "outbox", "signIn", "sessions", "uploads", "audit"] as const;
const RIGHTS = ["access", "correct", "erase", "object", "complain"] as const;

/** The privacy statement (AVG), open to visitors too (proxy.ts PUBLIC_PATHS); the retention periods are the configured ones. */
export default async function PrivacyPage({ searchParams }: PageProps<"/privacy">) {
  const [t, user, { status }] = await Promise.all([getTranslations("privacy.page"), getCurrentUser(), searchParams]);
  const days = retentionDays();
  const daysOf: Partial<Record<(typeof ITEMS)[number], number>> = {
    notifications: days.notifications,
    outbox: days.email,
    signIn: days.signIn,
  };
  return (
    <div className="max-w-3xl space-y-10">
      <h1>{t("title")}</h1>
      {status === "accountDeleted" && !user ? (
        <p role="status" className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">
          {t("accountDeleted")}
        </p>
      ) : null}
      <p>{t("intro")}</p>

      <section aria-labelledby="who" className="space-y-3">
        <h2 id="who">{t("whoTitle")}</h2>
        <p>{t("who")}</p>
        <p>{t("noThirdParties")}</p>
      </section>

      <section aria-labelledby="stored" className="space-y-4">
        <h2 id="stored">{t("storedTitle")}</h2>
        {ITEMS.map((item) => (
          <div key={item} className="space-y-2 rounded border border-slate-300 bg-white p-4">
            <h3 className="text-lg font-semibold">{t(`items.${item}.name`)}</h3>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">{t("why")}</dt>
              <dd>{t(`items.${item}.why`)}</dd>
              <dt className="font-semibold">{t("howLong")}</dt>
              <dd>{t(`items.${item}.howLong`, { days: daysOf[item] ?? 0 })}</dd>
            </dl>
          </div>
        ))}
      </section>

      <section aria-labelledby="rights" className="space-y-3">
        <h2 id="rights">{t("rightsTitle")}</h2>
        <p>{t("rightsIntro")}</p>
        <ul className="list-disc space-y-2 pl-6">
          {RIGHTS.map((right) => (
            <li key={right}>{t(`rights.${right}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how" className="space-y-3">
        <h2 id="how">{t("howTitle")}</h2>
        <p>
          {t("howProfile")} {can(user, "portal:read") ? <Link href="/profiel">{t("howProfileLink")}</Link> : null}
        </p>
        <p>{t("howAdmin")}</p>
      </section>

      <section id="verwijderen" aria-labelledby="deletion" className="space-y-3">
        <h2 id="deletion">{t("deletionTitle")}</h2>
        <DeletionConsequences />
      </section>
    </div>
  );
}
