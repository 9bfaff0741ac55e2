/** The UI languages; Dutch first (B1), English second. */
export const locales = ["nl", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "nl";
/** Cookie that remembers the chosen language (also for visitors who are not signed in). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
