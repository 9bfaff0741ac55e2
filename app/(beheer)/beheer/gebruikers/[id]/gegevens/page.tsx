import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { getPrivacySubject } from "@/lib/privacy/queries";
import { idParam } from "@/lib/route-params";
import { requirePermission } from "@/lib/session";
import { AnonymiseForm } from "./anonymise-form";

type Props = { params: Promise<{ id: string }> };

// Without the person's name: the title is rendered before the page checks the permission.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy.admin"))("metaTitle") };
}

const COUNTS = ["updates", "comments", "uploads", "follows", "notifications", "reports"] as const;

/** An admin handles an AVG request on someone's behalf: their export, and deleting their account. */
export default async function PrivacyRequestPage({ params }: Props) {
  const id = idParam((await params).id);
  const actor = await requirePermission("privacy:handle-requests", `/beheer/gebruikers/${id}/gegevens`);
  const [t, tRoles, format, subject] = await Promise.all([
    getTranslations("privacy.admin"),
    getTranslations("roles"),
    getFormatter(),
    getPrivacySubject(actor, id),
  ]);
  if (!subject) notFound();
  const facts = [
    { label: t("name"), value: subject.name },
    { label: t("email"), value: subject.email },
    { label: t("role"), value: tRoles(subject.role) },
    { label: t("municipality"), value: subject.municipality?.name ?? "—" },
    {
      label: t("status"),
      value: subject.anonymisedAt ? t("anonymised", { date: format.dateTime(subject.anonymisedAt, { dateStyle: "long" }) }) : t("active"),
    },
  ];
  const list = "grid gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr]";
  return (
    <div className="max-w-3xl space-y-8">
      <Breadcrumbs
        items={[
          { nav: "admin" },
          { nav: "users", href: "/beheer/gebruikers" },
          { label: subject.name, href: `/beheer/gebruikers/${id}` },
          { label: t("title", { name: subject.name }) },
        ]}
      />
      <h1 className="[overflow-wrap:anywhere]">{t("title", { name: subject.name })}</h1>
      <p>{t("intro")}</p>

      <section aria-labelledby="person" className="space-y-3">
        <h2 id="person">{t("person")}</h2>
        <dl className={list}>
          {facts.map((fact) => (
            <div key={fact.label} className="contents">
              <dt className="font-semibold">{fact.label}</dt>
              <dd className="min-w-0 [overflow-wrap:anywhere]">{fact.value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="text-lg font-semibold">{t("countsTitle")}</h3>
        <dl className={list}>
          {COUNTS.map((count) => (
            <div key={count} className="contents">
              <dt className="font-semibold">{t(`counts.${count}`)}</dt>
              <dd>{subject._count[count]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="export" className="space-y-3">
        <h2 id="export">{t("exportTitle")}</h2>
        <p>{t("exportText")}</p>
        <p>
          <a href={`/beheer/gebruikers/${subject.id}/gegevens/download`} download>
            {t("exportLink", { name: subject.name })}
          </a>
        </p>
      </section>

      <section aria-labelledby="anonymise" className="space-y-4">
        <h2 id="anonymise">{t("anonymiseTitle")}</h2>
        {subject.anonymisedAt ? (
          <p className="font-semibold">{t("alreadyAnonymised")}</p>
        ) : subject.id === actor.id ? (
          <p>
            {t("ownAccount")} <Link href="/profiel/account-verwijderen">{t("ownAccountLink")}</Link>
          </p>
        ) : (
          <>
            <p>
              {t("anonymiseText")} <Link href="/privacy#verwijderen">{t("statementLink")}</Link>
            </p>
            <AnonymiseForm userId={subject.id} name={subject.name} />
          </>
        )}
      </section>
    </div>
  );
}
