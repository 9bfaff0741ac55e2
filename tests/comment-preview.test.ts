import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { createActor } from "./support/factories";

// The action asks lib/session.ts for the user; here the test decides who that is (a blocked person reads as signed out there).
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const { previewCommentAction } = await import("@/lib/comments/actions");

describe("the comment preview", () => {
  it("hands a member's text back, without NUL bytes, as posting would store it", async () => {
    session.user = await createActor("MEMBER");
    expect(await previewCommentAction("Een **vet** idee\u0000")).toEqual({ ok: true, data: { markdown: "Een **vet** idee" } });
  });

  it("refuses a visitor, and writes nothing", async () => {
    session.user = null;
    const auditRows = await db.auditLog.count();
    expect(await previewCommentAction("Hallo")).toEqual({ ok: false, error: "permission.denied" });
    expect(await db.auditLog.count()).toBe(auditRows);
  });

  it("refuses a text longer than a comment may be, and anything that is not text", async () => {
    session.user = await createActor("PROJECT_LEADER");
    expect(await previewCommentAction("a".repeat(10_001))).toEqual({ ok: false, error: "comment.bodyTooLong" });
    expect(await previewCommentAction({ text: "Hallo" })).toEqual({ ok: false, error: "form.invalid" });
  });
});
