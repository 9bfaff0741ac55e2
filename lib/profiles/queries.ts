import "server-only";
import { db } from "@/lib/db";
import { commentExcerpt } from "@/lib/lessons/queries";
import { listedCommentWhere } from "@/lib/policy/comments";
import { can, type Actor } from "@/lib/policy/permissions";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { profileVisibleWhere } from "@/lib/policy/users";

/** How many recent updates and comments a profile lists. */
export const PROFILE_RECENT_LIMIT = 10;

/**
 * A person's profile as every member sees it: only what is listed for
 * everyone (published, not hidden updates; shown comments on those), even
 * when the reader is staff or the person themselves, so the page never shows
 * something its subject cannot point others to. Null when it does not exist.
 */
export async function getProfile(actor: Pick<Actor, "role"> | null, id: string) {
  if (!can(actor, "portal:read")) return null;
  const person = await db.user.findFirst({
    where: { id, ...profileVisibleWhere },
    select: {
      id: true,
      name: true,
      role: true,
      bio: true,
      avatar: { select: { id: true } },
      municipality: { select: { name: true, slug: true } },
      ledExperiments: { select: { slug: true, title: true, municipality: { select: { name: true } } }, orderBy: { title: "asc" } },
    },
  });
  if (!person) return null;
  const { avatar, ...rest } = person;
  const [updates, comments] = await Promise.all([
    db.update.findMany({
      where: { authorId: id, ...listedUpdateWhere },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: PROFILE_RECENT_LIMIT,
      select: { id: true, title: true, publishedAt: true, experiment: { select: { title: true } } },
    }),
    db.comment.findMany({
      where: { authorId: id, ...listedCommentWhere },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PROFILE_RECENT_LIMIT,
      select: { id: true, body: true, createdAt: true, update: { select: { id: true, title: true } } },
    }),
  ]);
  return {
    ...rest,
    avatarId: avatar?.id ?? null,
    updates,
    comments: comments.map(({ body, ...comment }) => ({ ...comment, excerpt: commentExcerpt(body) })),
  };
}

export type Profile = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

/** What the person edits on /profiel/gegevens: their own row only. */
export async function getOwnProfileSettings(actor: Pick<Actor, "id">) {
  const { avatar, ...person } = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, name: true, bio: true, locale: true, avatar: { select: { id: true } } },
  });
  return { ...person, avatarId: avatar?.id ?? null };
}
