import { useTranslations } from "next-intl";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-policy";

/** The password rules, shown beside every field that sets a password. */
export function PasswordRules({ id }: { id?: string }) {
  const t = useTranslations("passwordRules");
  return (
    <div id={id} className="rounded bg-slate-100 px-4 py-3 text-sm text-slate-800">
      <p className="font-semibold">{t("title")}:</p>
      <ul className="list-disc pl-5">
        <li>{t("length", { min: PASSWORD_MIN_LENGTH })}</li>
        <li>{t("mix")}</li>
        <li>{t("common")}</li>
      </ul>
    </div>
  );
}
