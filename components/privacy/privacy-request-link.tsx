import { useTranslations } from "next-intl";
import Link from "next/link";

/** The people page's way to an admin's privacy-request page for one person (export, account deletion). */
export function PrivacyRequestLink({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("privacy.admin");
  return (
    <Link href={`/beheer/gebruikers/${userId}/gegevens`} className="text-sm font-semibold">
      <span aria-hidden="true">{t("requestLink")}</span>
      <span className="sr-only">{t("requestLinkLabel", { name })}</span>
    </Link>
  );
}
