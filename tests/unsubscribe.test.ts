import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/afmelden/[token]/route";
import { db } from "@/lib/db";
import { getEmailPreferences } from "@/lib/notifications/preferences";
import {
  checkUnsubscribeLink,
  createUnsubscribeToken,
  unsubscribe,
  UNSUBSCRIBE_TTL_MS,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from "@/lib/notifications/unsubscribe";
import { createUser } from "./support/factories";
import { setPreference, TEST_SECRET } from "./support/notification-fixtures";

beforeAll(() => {
  process.env.APP_URL = "https://koppelkans.test";
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
});

const DAY = 24 * 60 * 60 * 1000;

/** The token with its last character changed (refused whatever the character: only the canonical spelling verifies). */
function flipLastCharacter(text: string): string {
  const last = text.at(-1)!;
  return text.slice(0, -1) + (last === "A" ? "B" : "A");
}

describe("unsubscribe tokens", () => {
  it("refuses every other spelling of the signature's last character", () => {
    const token = createUnsubscribeToken({ userId: "someone", scope: "all" });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (const character of alphabet) {
      if (character === token.at(-1)) continue;
      expect(verifyUnsubscribeToken(token.slice(0, -1) + character).ok).toBe(false);
    }
  });

  it("a fresh token verifies with its user, scope and a 90-day expiry", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const token = createUnsubscribeToken({ userId: "user-1", scope: "MENTION" }, { now });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const check = verifyUnsubscribeToken(token, { now: new Date(now.getTime() + 89 * DAY) });
    expect(check).toEqual({ ok: true, userId: "user-1", scope: "MENTION", expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TTL_MS) });
    expect(unsubscribeUrl(token)).toBe(`https://koppelkans.test/afmelden/${token}`);
  });

  it("a tampered token is invalid: changed payload, changed signature, cut short, garbage", () => {
    const token = createUnsubscribeToken({ userId: "user-1", scope: "MENTION" });
    const [payload, signature] = token.split(".") as [string, string];
    const otherUser = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), u: "user-2" })).toString(
      "base64url",
    );
    const allKinds = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), k: "all" })).toString(
      "base64url",
    );
    for (const bad of [
      `${otherUser}.${signature}`,
      `${allKinds}.${signature}`,
      `${payload}.${flipLastCharacter(signature)}`,
      `${payload}.${signature.slice(0, 20)}`,
      payload,
      `${payload}.${signature}.extra`,
      "",
      "niet-een-token",
      "a.b",
      `${payload}.${signature}=`,
    ]) {
      expect(verifyUnsubscribeToken(bad), bad).toEqual({ ok: false, reason: "invalid" });
    }
    // Signed correctly, but the payload is not what we write.
    const strange = Buffer.from(JSON.stringify({ u: "x", k: "EVERYTHING", e: 9_999_999_999 })).toString("base64url");
    const forged = createUnsubscribeToken({ userId: "x", scope: "all" }).split(".")[1];
    expect(verifyUnsubscribeToken(`${strange}.${forged}`)).toEqual({ ok: false, reason: "invalid" });
  });

  it("an expired token says expired, not invalid", () => {
    const issued = new Date("2030-01-01T00:00:00Z");
    const token = createUnsubscribeToken({ userId: "user-1", scope: "all" }, { now: issued });
    expect(verifyUnsubscribeToken(token, { now: new Date(issued.getTime() + UNSUBSCRIBE_TTL_MS + 1_000) })).toEqual({
      ok: false,
      reason: "expired",
    });
    // A tampered expired token is still just invalid.
    expect(verifyUnsubscribeToken(flipLastCharacter(token), { now: new Date(issued.getTime() + 100 * DAY) })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("a token signed with another secret is invalid", () => {
    const token = createUnsubscribeToken({ userId: "user-1", scope: "REPLY" }, { secret: "another-secret" });
    expect(verifyUnsubscribeToken(token)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyUnsubscribeToken(token, { secret: "another-secret" }).ok).toBe(true);
  });
});

describe("unsubscribing", () => {
  it("sets one kind, or all kinds, to NEVER; repeating is harmless", async () => {
    const user = await createUser();
    await setPreference(user.id, "REPLY", "IMMEDIATE");
    const one = await unsubscribe(createUnsubscribeToken({ userId: user.id, scope: "REPLY" }));
    expect(one).toEqual({ ok: true, scope: "REPLY", kinds: ["REPLY"] });
    expect(await getEmailPreferences(user.id)).toEqual({
      COMMENT_ON_UPDATE: "WEEKLY",
      REPLY: "NEVER",
      MENTION: "WEEKLY",
      FOLLOWED_UPDATE: "WEEKLY",
      FEEDBACK_REQUEST: "WEEKLY",
      APPRECIATION: "WEEKLY",
      MODERATION: "WEEKLY",
    });
    const token = createUnsubscribeToken({ userId: user.id, scope: "all" });
    expect((await unsubscribe(token)).ok).toBe(true);
    expect((await unsubscribe(token)).ok).toBe(true);
    expect(await getEmailPreferences(user.id)).toEqual({
      COMMENT_ON_UPDATE: "NEVER",
      REPLY: "NEVER",
      MENTION: "NEVER",
      FOLLOWED_UPDATE: "NEVER",
      FEEDBACK_REQUEST: "NEVER",
      APPRECIATION: "NEVER",
      MODERATION: "NEVER",
    });
  });

  it("changes nothing for an expired or tampered link, or an account that is gone", async () => {
    const user = await createUser();
    const expired = createUnsubscribeToken({ userId: user.id, scope: "all" }, { now: new Date(Date.now() - UNSUBSCRIBE_TTL_MS - DAY) });
    expect(await unsubscribe(expired)).toEqual({ ok: false, reason: "expired" });
    expect(await checkUnsubscribeLink(expired)).toEqual({ ok: false, reason: "expired" });
    expect(await unsubscribe(flipLastCharacter(createUnsubscribeToken({ userId: user.id, scope: "all" })))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await db.emailPreference.count({ where: { userId: user.id } })).toBe(0);
    const ghost = createUnsubscribeToken({ userId: "deleted-user", scope: "all" });
    expect(await unsubscribe(ghost)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkUnsubscribeLink(ghost)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("the one-click route (RFC 8058)", () => {
  const context = (token: string) => ({ params: Promise.resolve({ token }) });
  const post = (token: string, body: string) =>
    POST(
      new Request(`https://koppelkans.test/api/afmelden/${token}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
      }),
      context(token),
    );

  it("a mail program's POST unsubscribes without a session", async () => {
    const user = await createUser();
    const token = createUnsubscribeToken({ userId: user.id, scope: "FOLLOWED_UPDATE" });
    const response = await post(token, "List-Unsubscribe=One-Click");
    expect(response.status).toBe(200);
    expect((await getEmailPreferences(user.id)).FOLLOWED_UPDATE).toBe("NEVER");
  });

  it("the page's button posts here and returns to the page; bad links get 400/410", async () => {
    const user = await createUser();
    const token = createUnsubscribeToken({ userId: user.id, scope: "all" });
    const fromPage = await post(token, "bron=pagina");
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.get("location")).toBe(`/afmelden/${token}?klaar=1`);
    expect((await post(flipLastCharacter(token), "List-Unsubscribe=One-Click")).status).toBe(400);
    const expired = createUnsubscribeToken({ userId: user.id, scope: "all" }, { now: new Date(Date.now() - UNSUBSCRIBE_TTL_MS - DAY) });
    expect((await post(expired, "List-Unsubscribe=One-Click")).status).toBe(410);
  });

  it("GET changes nothing and sends the browser to the confirmation page", async () => {
    const user = await createUser();
    const token = createUnsubscribeToken({ userId: user.id, scope: "all" });
    const response = await GET(new Request(`https://koppelkans.test/api/afmelden/${token}`), context(token));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/afmelden/${token}`);
    expect(await db.emailPreference.count({ where: { userId: user.id } })).toBe(0);
  });
});
