import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { blockOf, getUserForStaff, listMunicipalityOptions } from "@/lib/accounts/queries";
import { BLOCK_REASON_MAX } from "@/lib/accounts/schema";
import { calendarDayOf } from "@/lib/calendar-day";
import { assignableRoles, can } from "@/lib/policy/permissions";
import { idParam } from "@/lib/route-params";
import { requirePermission } from "@/lib/session";
import { BlockUserForm, ChangeRoleForm, UnblockUserForm } from "../user-controls";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Without the person's name: the title is rendered before the page checks the permission.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("personTitle") };
}

const statuses = ["blocked", "unblocked"] as const;

/** One person, for staff: their details, their block (with its reason and end), and for admins their role. */
export default async function UserPage({ params, searchParams }: Props) {
  const id = idParam((await params).id);
  const actor = await requirePermission("user:list", `/beheer/gebruikers/${id}`);
  const user = await getUserForStaff(actor, id);
  if (!user) notFound();
  const [t, tRoles, format, query] = await Promise.all([
    getTranslations("admin.users"),
    getTranslations("roles"),
    getFormatter(),
    searchParams,
  ]);
  const now = new Date();
  const block = blockOf(user, now);
  const self = user.id === actor.id;
  const mayBlock = !self && can(actor, "user:block") && assignableRoles(actor).includes(user.role);
  const mayChangeRole = !self && can(actor, "user:change-role");
  const municipalities = mayChangeRole ? await listMunicipalityOptions() : [];
  const status = statuses.find((value) => value === query.status);
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });

  const facts = [
    { label: t("email"), value: user.email },
    { label: t("role"), value: tRoles(user.role) },
    { label: t("municipality"), value: user.municipality?.name ?? "—" },
    { label: t("status"), value: block ? t("blocked") : t("active") },
    { label: t("memberSince"), value: format.dateTime(user.createdAt, { dateStyle: "long" }) },
  ];
  const list = "grid gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr]";

  return (
    <div className="max-w-3xl space-y-8">
      <Breadcrumbs items={[{ nav: "admin" }, { nav: "users", href: "/beheer/gebruikers" }, { label: user.name }]} />
      <h1 className="break-words">
        {user.name}
        {self ? <span className="font-normal"> ({t("you")})</span> : null}
      </h1>
      {status ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {t(status === "blocked" ? "blockedDone" : "unblockedDone")}
        </p>
      ) : null}

      <dl className={list}>
        {facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="font-semibold">{fact.label}</dt>
            <dd className="break-words">{fact.value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="block" className="space-y-4">
        <h2 id="block">{t("blockSection")}</h2>
        {block ? (
          <dl className={list}>
            <dt className="font-semibold">{t("blockedSince")}</dt>
            <dd>{format.dateTime(block.since, { dateStyle: "long", timeStyle: "short" })}</dd>
            <dt className="font-semibold">{t("reason")}</dt>
            <dd className="whitespace-pre-line break-words">{block.reason ?? "—"}</dd>
            <dt className="font-semibold">{t("until")}</dt>
            <dd>{block.lastDay ? day(block.lastDay) : t("noEnd")}</dd>
          </dl>
        ) : (
          <p>{t("notBlocked")}</p>
        )}
        {self ? <p>{t("selfBlock")}</p> : null}
        {!self && !mayBlock ? <p>{t("mayNotBlock")}</p> : null}
        {mayBlock && block ? (
          <>
            <UnblockUserForm userId={user.id} userName={user.name} reasonMax={BLOCK_REASON_MAX} />
            <BlockUserForm
              userId={user.id}
              userName={user.name}
              today={calendarDayOf(now)}
              reasonMax={BLOCK_REASON_MAX}
              change={{ reason: block.reason ?? "", lastDay: block.lastDay ?? "" }}
            />
          </>
        ) : null}
        {mayBlock && !block ? (
          <BlockUserForm userId={user.id} userName={user.name} today={calendarDayOf(now)} reasonMax={BLOCK_REASON_MAX} />
        ) : null}
      </section>

      {mayChangeRole ? (
        <section aria-labelledby="role" className="space-y-4">
          <h2 id="role">{t("roleSection")}</h2>
          <ChangeRoleForm
            userId={user.id}
            userName={user.name}
            role={user.role}
            municipalityId={user.municipality?.id ?? ""}
            roles={assignableRoles(actor).map((role) => ({ value: role, label: tRoles(role) }))}
            municipalities={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        </section>
      ) : null}

      <section aria-labelledby="more" className="space-y-2">
        <h2 id="more">{t("moreSection")}</h2>
        <ul className="list-disc space-y-1 pl-6">
          {can(actor, "audit:read") ? (
            <li>
              <Link href={`/beheer/audit?targetType=User&targetId=${user.id}`}>{t("historyLink", { name: user.name })}</Link>
            </li>
          ) : null}
          {can(actor, "audit:read") ? (
            <li>
              <Link href={`/beheer/audit?actor=${encodeURIComponent(user.email)}`}>{t("actionsLink", { name: user.name })}</Link>
            </li>
          ) : null}
          {can(actor, "privacy:handle-requests") ? (
            <li>
              <Link href={`/beheer/gebruikers/${user.id}/gegevens`}>{t("privacyLink", { name: user.name })}</Link>
            </li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}
