import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getEmailPreferences } from "@/lib/notifications/preferences";
import { requirePermission } from "@/lib/session";
import { EmailPreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailPreferences"))("title") };
}

export default async function EmailPreferencesPage() {
  const user = await requirePermission("portal:read", "/instellingen/e-mail");
  const [t, preferences] = await Promise.all([getTranslations("emailPreferences"), getEmailPreferences(user.id)]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{t("digestNote")}</p>
      <EmailPreferencesForm preferences={preferences} />
      <p className="text-sm text-slate-700">{t("unsubscribeNote")}</p>
      <p>
        <Link href="/meldingen">{t("toNotifications")}</Link>
      </p>
    </div>
  );
}
