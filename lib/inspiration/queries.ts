import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consentableEntriesWhere, isPublicInspirationEntry, publicInspirationWhere } from "@/lib/policy/inspiration";
import type { Actor } from "@/lib/policy/permissions";
import { isListedUpdate } from "@/lib/policy/updates";
import { localisedDescription, localisedName } from "@/lib/taxonomy/localise";

// Reads for the inspiration book. The public book selects only what a visitor
// may see of an update (no ids of people, no emails, no comments, no links).

const opgaveOrder: Prisma.UpdateOpgaveOrderByWithRelationInput[] = [{ opgave: { sortOrder: "asc" } }, { opgave: { name: "asc" } }];
const opgaveNames = { select: { opgave: { select: { name: true, nameEn: true } } }, orderBy: opgaveOrder } as const;

/**
 * The public book: the programme's themes in their order, each with its
 * public entries, then the confirmed lessons. Themes and opgaven are named in
 * `locale` (the English name and description when there is one).
 */
export async function getInspirationBook(locale = "nl") {
  const [entries, themes, lessons] = await Promise.all([
    db.inspirationEntry.findMany({
      where: publicInspirationWhere,
      orderBy: [{ sortOrder: "asc" }, { publishedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        themeId: true,
        introduction: true,
        update: {
          select: {
            title: true,
            body: true,
            publishedAt: true,
            author: { select: { name: true } },
            experiment: { select: { title: true, municipality: { select: { name: true } } } },
            opgaven: opgaveNames,
          },
        },
      },
    }),
    db.theme.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, nameEn: true, description: true, descriptionEn: true },
    }),
    db.lesson.findMany({
      where: { status: "BEVESTIGD" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, body: true },
    }),
  ]);
  const book = entries.map(({ update, ...entry }) => ({
    ...entry,
    title: update.title,
    body: update.body,
    publishedAt: update.publishedAt,
    authorName: update.author.name,
    experimentTitle: update.experiment.title,
    municipalityName: update.experiment.municipality.name,
    opgaven: update.opgaven.map((row) => localisedName(row.opgave, locale)),
  }));
  const chapters = themes
    .map(({ nameEn, descriptionEn, ...theme }) => ({
      ...theme,
      name: localisedName({ name: theme.name, nameEn }, locale),
      description: localisedDescription({ description: theme.description, descriptionEn }, locale),
      entries: book.filter((entry) => entry.themeId === theme.id),
    }))
    .filter((chapter) => chapter.entries.length > 0);
  // An entry whose theme was removed keeps its place, in a chapter of its own at the end.
  const unsorted = book.filter((entry) => !themes.some((theme) => theme.id === entry.themeId));
  return { chapters, unsorted, lessons };
}

export type InspirationBook = Awaited<ReturnType<typeof getInspirationBook>>;
export type BookEntry = InspirationBook["chapters"][number]["entries"][number];

/** A chapter's theme named in `locale` (the English name when there is one); `nameEn` stays here. */
function localiseChapter<T extends { name: string; nameEn: string | null }>({ nameEn, ...theme }: T, locale: string) {
  return { ...theme, name: localisedName({ name: theme.name, nameEn }, locale) };
}

/** The themes a chapter may be (active ones), in their order, named in `locale`. */
export async function listChapterThemes(locale = "nl") {
  const themes = await db.theme.findMany({
    where: { archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, nameEn: true },
  });
  return themes.map((theme) => localiseChapter(theme, locale));
}

const entryState = {
  id: true,
  consent: true,
  respondedAt: true,
  publishedAt: true,
  introduction: true,
  sortOrder: true,
  themeId: true,
  theme: { select: { name: true, nameEn: true } },
} as const;

/**
 * The book's side of one update page: the entry (if any), whether the reader
 * is its author, and for staff what they need to propose it; the chapter named in `locale`.
 */
export async function getInspirationNotice(updateId: string, actor: Actor, locale = "nl") {
  const update = await db.update.findUnique({
    where: { id: updateId },
    select: {
      id: true,
      authorId: true,
      status: true,
      hiddenAt: true,
      themes: { select: { themeId: true } },
      inspiration: { select: entryState },
    },
  });
  if (!update) return null;
  const entry = update.inspiration;
  return {
    entry: entry
      ? {
          ...entry,
          theme: entry.theme ? localiseChapter(entry.theme, locale) : null,
          public: isPublicInspirationEntry({ ...entry, update }),
        }
      : null,
    own: update.authorId === actor.id,
    listed: isListedUpdate(update),
    updateThemeIds: update.themes.map((row) => row.themeId),
  };
}

/** Every entry, for the coordinators' curation page: its update, its state, whether it is in the book now, its chapter named in `locale`. */
export async function listInspirationEntries(locale = "nl") {
  const entries = await db.inspirationEntry.findMany({
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: {
      ...entryState,
      theme: { select: { name: true, nameEn: true, sortOrder: true } },
      createdAt: true,
      requestedBy: { select: { name: true } },
      update: {
        select: {
          id: true,
          title: true,
          status: true,
          hiddenAt: true,
          author: { select: { name: true } },
          experiment: { select: { title: true, municipality: { select: { name: true } } } },
        },
      },
    },
  });
  return entries.map((entry) => ({
    ...entry,
    theme: entry.theme ? localiseChapter(entry.theme, locale) : null,
    listed: isListedUpdate(entry.update),
    public: isPublicInspirationEntry(entry),
  }));
}

export type CurationEntry = Awaited<ReturnType<typeof listInspirationEntries>>[number];

/** The requests waiting for the actor's answer: entries on their own updates that they have not answered. */
export function listOwnConsentRequests(actor: Actor) {
  return db.inspirationEntry.findMany({
    where: { ...consentableEntriesWhere(actor), consent: "REQUESTED" },
    orderBy: { createdAt: "asc" },
    select: { id: true, update: { select: { id: true, title: true } } },
  });
}
