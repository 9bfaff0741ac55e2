import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { checkUnsubscribeLink } from "@/lib/notifications/unsubscribe";

// Public (proxy.ts): the link in an email works without signing in. Opening
// it changes nothing; the button below (a POST) does, once.

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unsubscribe"))("title"), robots: { index: false } };
}

export default async function UnsubscribePage({ params, searchParams }: PageProps<"/afmelden/[token]">) {
  const { token } = await params;
  const done = (await searchParams).klaar === "1";
  const [t, check] = await Promise.all([getTranslations("unsubscribe"), checkUnsubscribeLink(token)]);

  if (!check.ok) {
    return (
      <div className="max-w-2xl space-y-6">
        <h1>{t("title")}</h1>
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {check.reason === "expired" ? t("expired") : t("invalid")}
        </p>
        {check.reason === "invalid" ? <p>{t("invalidHelp")}</p> : null}
        <p>
          <Link href="/instellingen/e-mail">{t("settingsLink")}</Link>
        </p>
      </div>
    );
  }

  if (done) {
    return (
      <div className="max-w-2xl space-y-6">
        <h1>{t("title")}</h1>
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {t("done")}
        </p>
        <p>{t("inApp")}</p>
        <p>
          {t("doneHelp")} <Link href="/instellingen/e-mail">{t("settingsLink")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="max-w-2xl space-y-6">
      <h1>{t("title")}</h1>
      <p>{check.scope === "all" ? t("confirmAll") : t("confirmKind", { kind: t(`kinds.${check.scope}`) })}</p>
      <p>{t("inApp")}</p>
      <form method="post" action={`/api/afmelden/${encodeURIComponent(token)}`}>
        <input type="hidden" name="bron" value="pagina" />
        <button type="submit" className="inline-flex items-center rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          {t("button")}
        </button>
      </form>
    </div>
  );
}
