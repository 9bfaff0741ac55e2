import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";

export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const other = locale === "nl" ? "en" : "nl";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("switchToLabel")}
        className="rounded border border-white/70 px-3 py-1 text-sm font-semibold text-white hover:bg-white/10"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
