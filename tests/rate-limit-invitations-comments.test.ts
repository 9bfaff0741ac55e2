import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { acceptInvitation, createInvitation } from "@/lib/accounts/service";
import { postComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { COMMENT_LIMITS, INVITATION_ACCEPT_LIMITS, resetRateLimiters } from "@/lib/rate-limit";
import { createActor, createMunicipality, unique, uniqueEmail } from "./support/factories";

// The limits added to invitation links and comments (lib/rate-limit.ts), in
// both stores: wrong invitation links count per address and never the right
// ones; comments count per person.

const PASSWORD = "Zonnepaneel-op-het-dak-7";
const originalStore = process.env.RATE_LIMIT_STORE;

let coordinator: Actor;
let leader: Actor;
let updateId: string;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  const municipality = await createMunicipality();
  const suffix = unique();
  const experiment = await db.experiment.create({
    data: {
      title: `Experiment ${suffix}`,
      slug: `experiment-${suffix}`,
      summary: "Samenvatting",
      municipalityId: municipality.id,
      startDate: new Date("2022-01-01"),
    },
  });
  [coordinator, leader] = await Promise.all([
    createActor("COORDINATOR"),
    createActor("PROJECT_LEADER", { municipalityId: municipality.id }),
  ]);
  updateId = (
    await db.update.create({
      data: {
        experimentId: experiment.id,
        authorId: leader.id,
        title: `Update ${suffix}`,
        body: "Tekst",
        phase: "UITVOERING",
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
      select: { id: true },
    })
  ).id;
});

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

afterAll(() => {
  if (originalStore === undefined) delete process.env.RATE_LIMIT_STORE;
  else process.env.RATE_LIMIT_STORE = originalStore;
  resetRateLimiters();
});

/** A fresh client address per test, so one test's count does not leak into the next. */
const freshIp = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${unique()}`;

async function invitationToken(): Promise<{ email: string; token: string }> {
  const email = uniqueEmail("invitee");
  const result = await createInvitation({ actor: coordinator, input: { email, role: "MEMBER" } });
  if (!result.ok) throw new Error(`invitation failed: ${JSON.stringify(result)}`);
  return { email, token: result.data.token };
}

const accept = (token: string, ip: string) =>
  acceptInvitation({ input: { token, name: "Fatima de Vries (test)", password: PASSWORD, passwordConfirm: PASSWORD }, ip });

const comment = (actor: Actor, clientKey: string = randomUUID()) =>
  postComment({ actor, input: { updateId, body: "Ook bij ons werkte dit.", clientKey } });

describe.each(["memory", "postgres"] as const)("rate limits on invitations and comments (%s store)", (store) => {
  beforeEach(() => {
    process.env.RATE_LIMIT_STORE = store;
    resetRateLimiters();
  });

  it("refuses an address after 10 wrong invitation links, also its right one, while another address accepts it", async () => {
    expect(INVITATION_ACCEPT_LIMITS.perIp).toEqual({ points: 10, duration: 15 * 60 });
    const guesser = freshIp();
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await accept(`geraden-link-${attempt}-${unique()}`, guesser)).toEqual({ ok: false, error: "invitation.unknown" });
    }
    const { email, token } = await invitationToken();
    const auditBefore = await db.auditLog.count({ where: { action: "invitation.accept" } });
    expect(await accept(token, guesser)).toEqual({ ok: false, error: "invitation.tooMany" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "invitation.accept" } })).toBe(auditBefore);

    const result = await accept(token, freshIp());
    expect(result.ok).toBe(true);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("counts only wrong links: eleven people accept from one office address, then a used link is wrong", async () => {
    const office = freshIp();
    for (let person = 1; person <= INVITATION_ACCEPT_LIMITS.perIp.points + 1; person++) {
      const { token } = await invitationToken();
      expect((await accept(token, office)).ok, `person ${person} from one office address`).toBe(true);
    }
    const { token } = await invitationToken();
    expect((await accept(token, office)).ok).toBe(true);
    // A used link counts as a wrong one.
    expect(await accept(token, office)).toEqual({ ok: false, error: "invitation.used" });
  });

  it("refuses a person's 31st comment within ten minutes, writing nothing, and leaves others and repeats alone", async () => {
    expect(COMMENT_LIMITS.perPerson).toEqual({ points: 30, duration: 10 * 60 });
    const [busy, other] = await Promise.all([createActor("MEMBER"), createActor("MEMBER")]);
    let firstKey = "";
    for (let index = 1; index <= 30; index++) {
      const key = randomUUID();
      firstKey ||= key;
      expect((await comment(busy, key)).ok, `comment ${index}`).toBe(true);
    }
    const [comments, audits] = await Promise.all([
      db.comment.count({ where: { authorId: busy.id } }),
      db.auditLog.count({ where: { actorId: busy.id } }),
    ]);
    expect(await comment(busy)).toEqual({ ok: false, error: "comment.tooMany" });
    expect(await db.comment.count({ where: { authorId: busy.id } })).toBe(comments);
    expect(await db.auditLog.count({ where: { actorId: busy.id } })).toBe(audits);
    // A double click on an earlier comment still answers with that comment; someone else may still post.
    expect(await comment(busy, firstKey)).toMatchObject({ ok: true, data: { repeated: true } });
    expect((await comment(other)).ok).toBe(true);
  });
});
