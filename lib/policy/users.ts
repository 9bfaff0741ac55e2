import { calendarDayOf } from "@/lib/calendar-day";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether a person's account works right now, written once. A block with an
 * end date lifts itself at that moment: nothing has to run to clear it, every
 * check (each request, sign-in, password reset, feeds, mentions,
 * notifications, digests) asks these with the current time.
 */

type BlockState = { blockedAt: Date | null; blockedUntil: Date | null };

/** People whose account works at `now`: never blocked, or blocked with an end that has passed. */
export function activeUserWhere(now: Date = new Date()): Prisma.UserWhereInput {
  return { OR: [{ blockedAt: null }, { blockedUntil: { lte: now } }] };
}

/** People who are blocked at `now` (the complement of activeUserWhere). */
export function blockedUserWhere(now: Date = new Date()): Prisma.UserWhereInput {
  return { blockedAt: { not: null }, OR: [{ blockedUntil: null }, { blockedUntil: { gt: now } }] };
}

/** `activeUserWhere` for raw SQL over the "User" table under `alias`. */
export function activeUserSql(alias: string, now: Date = new Date()): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${table}."blockedAt" IS NULL OR ${table}."blockedUntil" <= ${now})`;
}

/** Is this person blocked at `now`? For code that already holds the row. */
export function isBlockedNow(user: BlockState, now: Date = new Date()): boolean {
  return user.blockedAt !== null && (user.blockedUntil === null || user.blockedUntil > now);
}

/** The last day a block holds (its end is the start of the day after), or null for a block without end. */
export function lastBlockedDay(blockedUntil: Date | null): string | null {
  return blockedUntil ? calendarDayOf(new Date(blockedUntil.getTime() - 1)) : null;
}

/**
 * Whose profile page (/mensen/[id]) and mention link exist: everyone but a
 * deleted (anonymised) account, which answers "not found" because nothing of
 * the person is left to show. A blocked person keeps their page: what they
 * wrote that is still listed stays readable, as on the update pages.
 */
export const profileVisibleWhere = { anonymisedAt: null } as const satisfies Prisma.UserWhereInput;
