import { notFound } from "next/navigation";

/**
 * Checks of the ids and slugs that arrive in a URL or as a plain server-action
 * argument, before they reach Prisma: a value no row can have (a NUL byte
 * above all, which makes PostgreSQL fail the query) is a 404, not a 500.
 */

/** Ids are cuids (prisma/schema.prisma: `@default(cuid())`): lowercase letters and digits. */
export const ID_PATTERN = /^[a-z0-9]{1,40}$/;

/** Slugs as slugify makes them (lib/programme/schema.ts, at most SLUG_MAX_LENGTH = 80): lowercase letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9-]{1,80}$/;

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

export function isSlug(value: unknown): value is string {
  return typeof value === "string" && SLUG_PATTERN.test(value);
}

/** The `[id]` of a page's route, or the not-found page for a value that cannot be an id. */
export function idParam(value: string | string[] | undefined): string {
  if (!isId(value)) notFound();
  return value;
}

/** The `[slug]` of a page's route, or the not-found page for a value that cannot be a slug. */
export function slugParam(value: string | string[] | undefined): string {
  if (!isSlug(value)) notFound();
  return value;
}
