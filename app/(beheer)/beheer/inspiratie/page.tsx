import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { listChapterThemes, listInspirationEntries, type CurationEntry } from "@/lib/inspiration/queries";
import { requirePermission } from "@/lib/session";
import { EntryCard } from "./entry-card";

/** The entries per chapter, chapters in the themes' order (archived ones too, while entries have them). */
function groupByChapter(entries: CurationEntry[]) {
  const chapters = new Map<string, { id: string; name: string; sortOrder: number; entries: CurationEntry[] }>();
  for (const entry of entries) {
    if (!entry.themeId || !entry.theme) continue;
    const chapter = chapters.get(entry.themeId) ?? { id: entry.themeId, ...entry.theme, entries: [] };
    chapter.entries.push(entry);
    chapters.set(entry.themeId, chapter);
  }
  return [...chapters.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "nl"));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspiration.curation"))("title") };
}

/** The coordinators' page for the public inspiration book: every proposed update, per chapter, with its consent and steps. */
export default async function InspirationCurationPage() {
  await requirePermission("inspiration:curate", "/beheer/inspiratie");
  const locale = await getLocale();
  const [t, entries, themes] = await Promise.all([
    getTranslations("inspiration"),
    listInspirationEntries(locale),
    listChapterThemes(locale),
  ]);
  const groups = groupByChapter(entries);
  const withoutChapter = entries.filter((entry) => !entry.theme);
  if (withoutChapter.length)
    groups.push({ id: "zonder-hoofdstuk", name: t("book.unsorted"), sortOrder: Infinity, entries: withoutChapter });
  const count = (check: (entry: CurationEntry) => boolean) => entries.filter(check).length;

  return (
    <div className="max-w-4xl space-y-8">
      <div className="space-y-3">
        <h1>{t("curation.title")}</h1>
        <p>{t("curation.intro")}</p>
        <p>{t("curation.howToPropose")}</p>
        <p>
          <Link href="/inspiratie">{t("curation.viewBook")}</Link>
        </p>
        {entries.length ? (
          <p>
            {t("curation.summary", {
              total: entries.length,
              public: count((entry) => entry.public),
              waiting: count((entry) => entry.consent === "REQUESTED"),
            })}
          </p>
        ) : null}
      </div>
      {entries.length === 0 ? <p>{t("curation.empty")}</p> : null}
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`hoofdstuk-${group.id}`} className="space-y-4">
          <h2 id={`hoofdstuk-${group.id}`}>{group.name}</h2>
          <ul className="space-y-4">
            {group.entries.map((entry) => (
              <EntryCard key={entry.id} entry={entry} themes={themes} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
