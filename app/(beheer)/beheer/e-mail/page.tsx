import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listRecentEmails } from "@/lib/accounts/queries";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.outbox"))("title") };
}

export default async function OutboxPage() {
  const actor = await requirePermission("email:outbox", "/beheer/e-mail");
  const [t, format, emails] = await Promise.all([getTranslations("admin.outbox"), getFormatter(), listRecentEmails(actor)]);
  // With a real mail server the links belong to their recipients only.
  const showBodies = !process.env.SMTP_URL;
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {emails.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-4">
          {emails.map((email) => (
            <li key={email.id} className="rounded border border-slate-300 bg-white p-4">
              <article aria-labelledby={`mail-${email.id}`} className="space-y-2">
                <h2 id={`mail-${email.id}`} className="text-base font-semibold">
                  {email.subject}
                </h2>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="font-semibold">{t("to")}</dt>
                  <dd>{email.to}</dd>
                  <dt className="font-semibold">{t("when")}</dt>
                  <dd>{format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
                  <dt className="font-semibold">{t("transport")}</dt>
                  <dd>
                    {email.transport}
                    {email.error ? ` — ${email.error}` : ""}
                  </dd>
                </dl>
                {showBodies ? <pre className="whitespace-pre-wrap break-words bg-slate-100 p-3 text-sm">{email.text}</pre> : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
