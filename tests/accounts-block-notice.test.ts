import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { blockNoticeAction } from "@/lib/accounts/actions";
import {
  accountBlockedError,
  BLOCK_NOTICE_TTL_MS,
  createBlockNoticeToken,
  readBlockNotice,
  verifyBlockNoticeToken,
} from "@/lib/accounts/block-notice";
import { blockUser, unblockUser } from "@/lib/accounts/service";
import { authorizeCredentials } from "@/lib/auth";
import { addDays, calendarDayOf } from "@/lib/calendar-day";
import { resetRateLimiters } from "@/lib/rate-limit";
import { AuthBrowser, useFakeNextHeaders } from "./support/auth-browser";
import { createActor, createUser, TEST_PASSWORD, unique } from "./support/factories";

vi.mock("next/headers", async () => (await import("./support/auth-browser")).fakeNextHeaders);

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const handler = (request: Parameters<typeof GET>[0], context: Parameters<typeof GET>[1]) =>
  request.method === "POST" ? POST(request, context) : GET(request, context);

const SECRET = "test-secret-for-block-notices";
const WRONG_PASSWORD = "Verkeerd-wachtwoord-1";
const reason = "Reacties met persoonsgegevens van bewoners (test)";
const freshIp = () => `10.9.${unique()}`;

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  process.env.RATE_LIMIT_STORE = "memory";
});

beforeEach(() => {
  useFakeNextHeaders();
  resetRateLimiters();
});

/** A member a coordinator blocked through the service, with `until` as the last day (or none). */
async function blockedMember(until = "") {
  const [coordinator, member] = await Promise.all([createActor("COORDINATOR"), createUser()]);
  expect((await blockUser({ actor: coordinator, input: { userId: member.id, reason, until } })).ok).toBe(true);
  return { coordinator, member };
}

/** The token after "AccountBlocked:" in what authorize threw, or null when it threw something else or nothing. */
async function noticeTokenFor(email: string, password: string): Promise<string | null> {
  try {
    await authorizeCredentials({ email, password }, freshIp());
    return null;
  } catch (error) {
    const [code, token] = (error as Error).message.split(/:(.*)/s);
    expect(code).toBe("AccountBlocked");
    return token ?? null;
  }
}

describe("the block notice at sign-in", () => {
  it("after the right password, authorize hands out a token that shows the reason and the last day", async () => {
    const lastDay = addDays(calendarDayOf(new Date()), 30);
    const { member } = await blockedMember(lastDay);
    const token = await noticeTokenFor(member.email, TEST_PASSWORD);
    expect(token).toBeTruthy();
    expect(await readBlockNotice(token)).toEqual({ reason, lastDay });
    expect(await blockNoticeAction(token)).toEqual({ reason, lastDay });
  });

  it("says there is no end for a block without one", async () => {
    const { member } = await blockedMember();
    expect(await blockNoticeAction(await noticeTokenFor(member.email, TEST_PASSWORD))).toEqual({ reason, lastDay: null });
  });

  it("with a wrong password there is no token and no word of a block", async () => {
    const { member } = await blockedMember();
    await expect(authorizeCredentials({ email: member.email, password: WRONG_PASSWORD }, freshIp())).resolves.toBeNull();
  });

  it("through next-auth's route: the error carries the token only after the right password", async () => {
    const { member } = await blockedMember();
    const wrong = await new AuthBrowser(handler).signIn(member.email, WRONG_PASSWORD);
    expect(new URL(wrong.url).searchParams.get("error")).toBe("CredentialsSignin");

    const right = await new AuthBrowser(handler).signIn(member.email, TEST_PASSWORD);
    const error = new URL(right.url).searchParams.get("error") ?? "";
    expect(error.startsWith("AccountBlocked:")).toBe(true);
    expect(await blockNoticeAction(error.slice("AccountBlocked:".length))).toEqual({ reason, lastDay: null });
  });

  it("shows nothing for a forged, altered, foreign or expired token", async () => {
    const { member } = await blockedMember();
    const token = createBlockNoticeToken(member.id)!;
    const [payload, signature] = token.split(".") as [string, string];
    const otherPayload = Buffer.from(JSON.stringify({ u: member.id, e: Date.now() + 60_000 })).toString("base64url");
    for (const bad of [
      `${otherPayload}.${signature}`,
      `${payload}.${signature.slice(0, -2)}`,
      `${payload}`,
      "",
      "a.b.c",
      member.id,
      42,
      null,
    ]) {
      expect(await blockNoticeAction(bad)).toBeNull();
    }
    expect(verifyBlockNoticeToken(token, new Date(Date.now() + BLOCK_NOTICE_TTL_MS + 1000))).toBeNull();
    process.env.NEXTAUTH_SECRET = "another-secret";
    try {
      expect(await readBlockNotice(token)).toBeNull();
    } finally {
      process.env.NEXTAUTH_SECRET = SECRET;
    }
    expect(await readBlockNotice(token)).toEqual({ reason, lastDay: null });
  });

  it("shows nothing once the block is lifted, even with a fresh token", async () => {
    const { coordinator, member } = await blockedMember();
    const token = await noticeTokenFor(member.email, TEST_PASSWORD);
    expect((await unblockUser({ actor: coordinator, input: { userId: member.id } })).ok).toBe(true);
    expect(await blockNoticeAction(token)).toBeNull();
  });

  it("shows nothing for the token of someone who is not blocked (the block itself is checked)", async () => {
    const member = await createUser();
    expect(await readBlockNotice(createBlockNoticeToken(member.id))).toBeNull();
  });

  it("without a secret the code stays plain AccountBlocked", async () => {
    delete process.env.NEXTAUTH_SECRET;
    try {
      expect(accountBlockedError("someone")).toBe("AccountBlocked");
    } finally {
      process.env.NEXTAUTH_SECRET = SECRET;
    }
  });
});
