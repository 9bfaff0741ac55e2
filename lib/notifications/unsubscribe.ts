/**
 * One-click unsubscribe links. The token is `<payload>.<signature>`, both
 * base64url: the payload is JSON `{ u: userId, k: kind | "all", e: expiry
 * (seconds since 1970) }`, the signature HMAC-SHA256 over the payload text
 * with NEXTAUTH_SECRET. Nothing is stored: a link works until it expires
 * (90 days) or the secret changes. Knowing the link lets someone lower the
 * email of one person; it reveals nothing and cannot raise anything.
 *
 * No `server-only` import: `npm run digest` signs links outside Next.js.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { appUrl } from "@/lib/app-url";
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export const UNSUBSCRIBE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export const notificationKinds = [
  "COMMENT_ON_UPDATE",
  "REPLY",
  "MENTION",
  "FOLLOWED_UPDATE",
  "FEEDBACK_REQUEST",
  "APPRECIATION",
  "MODERATION",
] as const satisfies readonly NotificationKind[];

export type UnsubscribeScope = NotificationKind | "all";

const payloadSchema = z.object({
  u: z.string().min(1).max(100),
  k: z.enum([...notificationKinds, "all"]),
  e: z.number().int().positive(),
});

function secret(explicit?: string): string {
  const value = explicit ?? process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET ontbreekt: zonder geheim kunnen afmeldlinks niet ondertekend worden.");
  return value;
}

function sign(payload: string, key: string): Buffer {
  return createHmac("sha256", key).update(`koppelkans-unsubscribe.${payload}`).digest();
}

export function createUnsubscribeToken(
  input: { userId: string; scope: UnsubscribeScope },
  options: { now?: Date; secret?: string } = {},
): string {
  const now = options.now ?? new Date();
  const payload = Buffer.from(
    JSON.stringify({ u: input.userId, k: input.scope, e: Math.floor((now.getTime() + UNSUBSCRIBE_TTL_MS) / 1000) }),
  ).toString("base64url");
  return `${payload}.${sign(payload, secret(options.secret)).toString("base64url")}`;
}

export type UnsubscribeCheck =
  { ok: true; userId: string; scope: UnsubscribeScope; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" };

/**
 * Checks a token: "invalid" when it was changed, cut short or signed with
 * another secret; "expired" only for a genuine link past its date.
 */
export function verifyUnsubscribeToken(token: string, options: { now?: Date; secret?: string } = {}): UnsubscribeCheck {
  const parts = token.split(".");
  if (parts.length !== 2 || token.length > 1000) return { ok: false, reason: "invalid" };
  const [payload, signature] = parts as [string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return { ok: false, reason: "invalid" };
  const expected = sign(payload, secret(options.secret));
  const given = Buffer.from(signature, "base64url");
  // Only the canonical spelling counts: base64url's last character carries spare bits.
  if (given.toString("base64url") !== signature) return { ok: false, reason: "invalid" };
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  let data: z.infer<typeof payloadSchema>;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    if (!parsed.success) return { ok: false, reason: "invalid" };
    data = parsed.data;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const expiresAt = new Date(data.e * 1000);
  if (expiresAt.getTime() <= (options.now ?? new Date()).getTime()) return { ok: false, reason: "expired" };
  return { ok: true, userId: data.u, scope: data.k, expiresAt };
}

/** The page a person opens from an email (shows what happens, then one button). */
export function unsubscribeUrl(token: string): string {
  return appUrl(`/afmelden/${token}`);
}

export type UnsubscribeOutcome =
  { ok: true; scope: UnsubscribeScope; kinds: NotificationKind[] } | { ok: false; reason: "invalid" | "expired" };

/** Sets the email preference(s) of the token to NEVER. Safe to repeat. */
export async function unsubscribe(token: string, options: { now?: Date } = {}): Promise<UnsubscribeOutcome> {
  const check = verifyUnsubscribeToken(token, options);
  if (!check.ok) return check;
  const user = await db.user.findUnique({ where: { id: check.userId }, select: { id: true } });
  // An account that is gone: the link cannot do anything, so it "does not fit".
  if (!user) return { ok: false, reason: "invalid" };
  const kinds: NotificationKind[] = check.scope === "all" ? [...notificationKinds] : [check.scope];
  await db.$transaction(
    kinds.map((kind) =>
      db.emailPreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, frequency: "NEVER" },
        update: { frequency: "NEVER" },
      }),
    ),
  );
  return { ok: true, scope: check.scope, kinds };
}

/** What a link would do, for the page that asks to confirm (no change yet). */
export async function checkUnsubscribeLink(token: string): Promise<UnsubscribeCheck> {
  const check = verifyUnsubscribeToken(token);
  if (!check.ok) return check;
  const user = await db.user.findUnique({ where: { id: check.userId }, select: { id: true } });
  return user ? check : { ok: false, reason: "invalid" };
}
