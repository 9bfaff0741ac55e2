import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { notificationTarget } from "@/lib/notifications/service";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createUser } from "./support/factories";
import { createPublishedUpdate, notificationsOf, postComment } from "./support/notification-fixtures";

// The route and the action ask lib/session.ts for the user; here the test decides who that is.
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
// Outside a Next.js request revalidatePath would throw; what it does is not under test here.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { GET } = await import("@/app/(portal)/meldingen/[id]/route");
const { openNotificationAction } = await import("@/lib/notifications/actions");

async function oneNotification() {
  const [me, commenter] = await Promise.all([createUser(), createUser()]);
  const update = await createPublishedUpdate({ authorId: me.id });
  const comment = await postComment({ updateId: update.id, authorId: commenter.id });
  const [notification] = await notificationsOf(me.id);
  if (!notification) throw new Error("no notification");
  return { me: actorOf(me), other: actorOf(commenter), notification, target: `/updates/${update.id}#reactie-${comment.id}` };
}

const readAt = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).readAt;

/** What redirect() inside the action points at (it throws to end the request). */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("no redirect");
}

const form = (notificationId: string) => {
  const data = new FormData();
  data.append("notificationId", notificationId);
  return data;
};

describe("opening a notification", () => {
  it("GET /meldingen/<id> goes to the comment and changes nothing (prefetchers and link checkers open it too)", async () => {
    const { me, notification, target } = await oneNotification();
    session.user = me;
    const response = await GET(new Request(`http://localhost/meldingen/${notification.id}`), {
      params: Promise.resolve({ id: notification.id }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(target);
    expect(await readAt(notification.id)).toBeNull();
    expect(await notificationTarget({ actor: me, notificationId: notification.id })).toBe(target);
    expect(await readAt(notification.id)).toBeNull();
  });

  it("the list's POST marks it read, then goes to the comment", async () => {
    const { me, notification, target } = await oneNotification();
    session.user = me;
    expect(await redirectOf(() => openNotificationAction(form(notification.id)))).toBe(target);
    expect(await readAt(notification.id)).not.toBeNull();
  });

  it("someone else's or an unknown id goes back to the list, changing nothing", async () => {
    const { other, notification } = await oneNotification();
    session.user = other;
    expect(await redirectOf(() => openNotificationAction(form(notification.id)))).toBe("/meldingen");
    expect(await redirectOf(() => openNotificationAction(form("\u0000")))).toBe("/meldingen");
    const response = await GET(new Request(`http://localhost/meldingen/${notification.id}`), {
      params: Promise.resolve({ id: notification.id }),
    });
    expect(response.headers.get("location")).toBe("/meldingen");
    expect(await readAt(notification.id)).toBeNull();
  });

  it("a visitor is sent to sign in, back to the notification afterwards", async () => {
    const { notification } = await oneNotification();
    session.user = null;
    const response = await GET(new Request(`http://localhost/meldingen/${notification.id}`), {
      params: Promise.resolve({ id: notification.id }),
    });
    expect(response.headers.get("location")).toBe(`/inloggen?callbackUrl=${encodeURIComponent(`/meldingen/${notification.id}`)}`);
    expect(await readAt(notification.id)).toBeNull();
  });
});
