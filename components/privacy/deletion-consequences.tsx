import { getTranslations } from "next-intl/server";

const ITEMS = ["identity", "updates", "comments", "mentions", "rest", "final"] as const;

/** What deleting an account does, in the privacy statement's words (the statement and both delete pages show it). */
export async function DeletionConsequences() {
  const t = await getTranslations("privacy.page.deletion");
  return (
    <ul className="list-disc space-y-2 pl-6">
      {ITEMS.map((item) => (
        <li key={item}>{t(item)}</li>
      ))}
    </ul>
  );
}
