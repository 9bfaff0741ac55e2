import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { activeUserWhere } from "@/lib/policy/users";

/** Most members one search lists. */
export const MEMBER_SEARCH_LIMIT = 8;

// Control characters (a NUL byte above all, which PostgreSQL refuses) are in no name: such a q is invalid (400).
export const memberSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[^\u0000-\u001f\u007f]*$/),
});

export type MemberOption = { id: string; name: string; municipality: string | null };

/** `%`, `_` and `\` are LIKE wildcards; a name search means them literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * The mention autocomplete: up to 8 active (not blocked) members whose name
 * starts with `q`, then those whose name contains it, case-insensitive, by
 * name. The asker is left out (mentioning oneself notifies nobody).
 */
export async function searchMembers(actor: Actor, q: string): Promise<MemberOption[]> {
  const pattern = escapeLike(q);
  const select = { id: true, name: true, municipality: { select: { name: true } } } as const;
  const orderBy = [{ name: "asc" as const }, { id: "asc" as const }];
  const active = activeUserWhere();
  const starting = await db.user.findMany({
    where: { ...active, id: { not: actor.id }, name: { startsWith: pattern, mode: "insensitive" } },
    orderBy,
    take: MEMBER_SEARCH_LIMIT,
    select,
  });
  const containing =
    starting.length < MEMBER_SEARCH_LIMIT
      ? await db.user.findMany({
          where: {
            ...active,
            id: { notIn: [actor.id, ...starting.map((member) => member.id)] },
            name: { contains: pattern, mode: "insensitive" },
          },
          orderBy,
          take: MEMBER_SEARCH_LIMIT - starting.length,
          select,
        })
      : [];
  return [...starting, ...containing].map((member) => ({
    id: member.id,
    name: member.name,
    municipality: member.municipality?.name ?? null,
  }));
}
