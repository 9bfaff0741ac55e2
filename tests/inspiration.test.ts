import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getInspirationBook, listOwnConsentRequests } from "@/lib/inspiration/queries";
import {
  acceptInspiration,
  declineInspiration,
  editInspirationEntry,
  proposeInspirationEntry,
  publishInspirationEntry,
  removeInspirationEntry,
  unpublishInspirationEntry,
  withdrawInspirationConsent,
} from "@/lib/inspiration/service";
import { hideContent, restoreUpdateAsModerator } from "@/lib/moderation/service";
import type { Actor } from "@/lib/policy/permissions";
import { withdrawUpdate } from "@/lib/updates/service";
import { actorOf, createActor, createUser } from "./support/factories";
import {
  createExperiment,
  createOpgave,
  createPublishedUpdate,
  createTheme,
  useOutboxForNotifications,
} from "./support/notification-fixtures";

/**
 * The public inspiration book: an update goes public only when its author
 * accepted, a coordinator published it and it is still listed — checked at
 * read time, so a withdrawal, a hide or consent taken back takes it out at once.
 */
useOutboxForNotifications();

let author: Actor;
let authorEmail: string;
let coordinator: Actor;
let theme: { id: string; name: string };
let updateId: string;

beforeEach(async () => {
  // The book is global: each test starts from an empty one (the file has its own database).
  await db.inspirationEntry.deleteMany();
  const user = await createUser({ role: "PROJECT_LEADER", name: "Wendy Schrijver (test)" });
  author = actorOf(user);
  authorEmail = user.email;
  coordinator = await createActor("COORDINATOR");
  theme = await createTheme();
  const opgave = await createOpgave();
  const experiment = await createExperiment(user.municipalityId!);
  updateId = (await createPublishedUpdate({ authorId: author.id, experimentId: experiment.id, opgaveIds: [opgave.id] })).id;
});

const propose = (actor: Actor = coordinator, input: Record<string, string> = {}) =>
  proposeInspirationEntry({ actor, input: { updateId, themeId: theme.id, introduction: "Een wijk die zelf de koers bepaalt.", ...input } });
const step = (service: typeof publishInspirationEntry, actor: Actor, entryId: string) => service({ actor, input: { entryId } });
const auditCount = () => db.auditLog.count();
const entryOf = () => db.inspirationEntry.findUniqueOrThrow({ where: { updateId } });

/** The entry ids in the public book, in reading order. */
async function bookEntryIds(): Promise<string[]> {
  const book = await getInspirationBook();
  return [...book.chapters.flatMap((chapter) => chapter.entries), ...book.unsorted].map((entry) => entry.id);
}

/** Proposed, accepted by the author and published: in the book. */
async function publicEntry(): Promise<string> {
  const proposed = await propose();
  if (!proposed.ok) throw new Error(proposed.error);
  const { entryId } = proposed.data;
  expect(await step(acceptInspiration, author, entryId)).toMatchObject({ ok: true });
  expect(await step(publishInspirationEntry, coordinator, entryId)).toMatchObject({ ok: true });
  return entryId;
}

describe("the consent rule", () => {
  it("is not public until the author accepted AND a coordinator published it", async () => {
    const proposed = await propose();
    expect(proposed).toMatchObject({ ok: true, data: { updateId } });
    const entryId = (await entryOf()).id;
    expect((await entryOf()).consent).toBe("REQUESTED");
    expect(await bookEntryIds()).toEqual([]);

    const before = await auditCount();
    expect(await step(publishInspirationEntry, coordinator, entryId)).toEqual({ ok: false, error: "inspiration.notAccepted" });
    expect(await auditCount()).toBe(before);

    expect(await step(acceptInspiration, author, entryId)).toMatchObject({ ok: true });
    expect((await entryOf()).respondedAt).not.toBeNull();
    expect(await bookEntryIds()).toEqual([]);

    expect(await step(publishInspirationEntry, coordinator, entryId)).toMatchObject({ ok: true });
    expect(await bookEntryIds()).toEqual([entryId]);
    const actions = await db.auditLog.findMany({ where: { targetId: updateId }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((row) => row.action)).toEqual(["inspiration.propose", "inspiration.accept", "inspiration.publish"]);
  });

  it("shows the entry in its theme's chapter with what the author consented to, and nothing of members' data", async () => {
    const entryId = await publicEntry();
    const book = await getInspirationBook();
    expect(book.chapters.map((chapter) => chapter.name)).toEqual([theme.name]);
    const [entry] = book.chapters[0]!.entries;
    expect(entry).toMatchObject({ id: entryId, authorName: "Wendy Schrijver (test)", introduction: "Een wijk die zelf de koers bepaalt." });
    expect(entry!.opgaven).toHaveLength(1);
    expect(JSON.stringify(book)).not.toContain(authorEmail);
    expect(JSON.stringify(book)).not.toContain(author.id);
  });

  it("a declined request never goes public, also when its row says published", async () => {
    const proposed = await propose();
    const entryId = proposed.ok ? proposed.data.entryId : "";
    expect(await step(declineInspiration, author, entryId)).toMatchObject({ ok: true });
    expect(await step(publishInspirationEntry, coordinator, entryId)).toEqual({ ok: false, error: "inspiration.notAccepted" });
    await db.inspirationEntry.update({ where: { id: entryId }, data: { publishedAt: new Date() } });
    expect(await bookEntryIds()).toEqual([]);
  });

  it("consent withdrawn takes the entry out at once; a new yes needs a new publication", async () => {
    const entryId = await publicEntry();
    expect(await step(withdrawInspirationConsent, author, entryId)).toMatchObject({ ok: true });
    expect(await bookEntryIds()).toEqual([]);
    expect(await entryOf()).toMatchObject({ consent: "DECLINED", publishedAt: null });
    expect(await db.auditLog.findFirst({ where: { targetId: updateId, action: "inspiration.withdraw-consent" } })).toMatchObject({
      actorId: author.id,
      data: { entryId, wasPublished: true },
    });
    expect(await step(acceptInspiration, author, entryId)).toMatchObject({ ok: true });
    expect(await bookEntryIds()).toEqual([]);
  });

  it("an update its author withdraws later leaves the book at once", async () => {
    const entryId = await publicEntry();
    expect(await withdrawUpdate({ actor: author, input: { updateId } })).toMatchObject({ ok: true });
    expect(await bookEntryIds()).toEqual([]);
    // Restored by moderation: listed again, and the consent and publication still stand.
    expect(await restoreUpdateAsModerator({ actor: coordinator, input: { updateId, reason: "Ten onrechte ingetrokken" } })).toMatchObject({
      ok: true,
    });
    expect(await bookEntryIds()).toEqual([entryId]);
  });

  it("an update hidden by moderation leaves the book at once", async () => {
    await publicEntry();
    const hidden = await hideContent({
      actor: coordinator,
      input: { targetType: "UPDATE", targetId: updateId, reason: "Bevat persoonsgegevens" },
    });
    expect(hidden).toMatchObject({ ok: true });
    expect(await bookEntryIds()).toEqual([]);
  });

  it("only the author consents: a coordinator, an admin and another member are refused, with no audit row", async () => {
    const proposed = await propose();
    const entryId = proposed.ok ? proposed.data.entryId : "";
    const others = [coordinator, await createActor("ADMIN"), await createActor("MEMBER"), await createActor("PROJECT_LEADER")];
    const before = await auditCount();
    for (const other of others) {
      for (const service of [acceptInspiration, declineInspiration, withdrawInspirationConsent]) {
        expect(await step(service, other, entryId)).toEqual({ ok: false, error: "inspiration.notFound" });
      }
    }
    expect(await step(acceptInspiration, null as unknown as Actor, entryId)).toEqual({ ok: false, error: "permission.denied" });
    expect(await auditCount()).toBe(before);
    expect((await entryOf()).consent).toBe("REQUESTED");
  });

  it("the author answers once: a second decline or an early withdrawal is refused without an audit row", async () => {
    const proposed = await propose();
    const entryId = proposed.ok ? proposed.data.entryId : "";
    expect(await step(withdrawInspirationConsent, author, entryId)).toEqual({ ok: false, error: "inspiration.nothingToWithdraw" });
    expect(await step(declineInspiration, author, entryId)).toMatchObject({ ok: true });
    const before = await auditCount();
    expect(await step(declineInspiration, author, entryId)).toEqual({ ok: false, error: "inspiration.notRequested" });
    expect(await auditCount()).toBe(before);
  });

  it("lists the open requests on the author's profile until they answer", async () => {
    const proposed = await propose();
    const entryId = proposed.ok ? proposed.data.entryId : "";
    expect((await listOwnConsentRequests(author)).map((request) => request.update.id)).toEqual([updateId]);
    expect(await listOwnConsentRequests(coordinator)).toEqual([]);
    await step(acceptInspiration, author, entryId);
    expect(await listOwnConsentRequests(author)).toEqual([]);
  });

  it("asks the author by email, in the proposal's transaction", async () => {
    await propose();
    const [email] = await db.emailMessage.findMany({ where: { to: authorEmail } });
    expect(email?.subject).toBe("Mag je update in het openbare inspiratieboek?");
    expect(email?.text).toContain(`/updates/${updateId}`);
  });
});

describe("curation", () => {
  it.each(["MEMBER", "PROJECT_LEADER"] as const)("is refused for a %s, with no audit row", async (role) => {
    const refused = await createActor(role);
    const before = await auditCount();
    expect(await propose(refused)).toEqual({ ok: false, error: "permission.denied" });
    const entryId = await publicEntry();
    const afterSetup = await auditCount();
    for (const service of [publishInspirationEntry, unpublishInspirationEntry, removeInspirationEntry]) {
      expect(await step(service, refused, entryId)).toEqual({ ok: false, error: "permission.denied" });
    }
    expect(
      await editInspirationEntry({ actor: refused, input: { entryId, themeId: theme.id, introduction: "Anders", sortOrder: "1" } }),
    ).toEqual({ ok: false, error: "permission.denied" });
    expect(afterSetup - before).toBe(3);
    expect(await auditCount()).toBe(afterSetup);
    expect(await bookEntryIds()).toEqual([entryId]);
  });

  it("an unlisted update (draft, withdrawn, hidden) cannot be proposed", async () => {
    const experimentId = (await db.update.findUniqueOrThrow({ where: { id: updateId } })).experimentId;
    const make = (data: { status: "DRAFT" | "WITHDRAWN" | "PUBLISHED"; hiddenAt?: Date }) =>
      db.update.create({
        data: { authorId: author.id, experimentId, title: `Niet zichtbaar ${data.status}`, body: "", phase: "UITVOERING", ...data },
      });
    const unlisted = [
      await make({ status: "DRAFT" }),
      await make({ status: "WITHDRAWN" }),
      await make({ status: "PUBLISHED", hiddenAt: new Date() }),
    ];
    const before = await auditCount();
    for (const update of unlisted)
      expect(await propose(coordinator, { updateId: update.id })).toEqual({ ok: false, error: "inspiration.updateNotListed" });
    expect(await propose(coordinator, { updateId: "bestaat-niet" })).toEqual({ ok: false, error: "inspiration.updateNotListed" });
    expect(await auditCount()).toBe(before);
    expect(await db.inspirationEntry.count()).toBe(0);
  });

  it("proposes an update once, in an active theme, with an introduction", async () => {
    const archived = await db.theme.update({ where: { id: (await createTheme()).id }, data: { archivedAt: new Date() } });
    expect(await propose(coordinator, { themeId: archived.id })).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { themeId: ["inspiration.themeRequired"] },
    });
    expect(await propose(coordinator, { introduction: "  " })).toMatchObject({
      fieldErrors: { introduction: ["inspiration.introductionRequired"] },
    });
    expect(await propose()).toMatchObject({ ok: true });
    expect(await propose(await createActor("ADMIN"))).toEqual({ ok: false, error: "inspiration.alreadyProposed" });
  });

  it("changes chapter, introduction and order, audited with before and after", async () => {
    const entryId = await publicEntry();
    const other = await createTheme();
    const edited = await editInspirationEntry({
      actor: coordinator,
      input: { entryId, themeId: other.id, introduction: "Nieuwe inleiding", sortOrder: "7" },
    });
    expect(edited).toMatchObject({ ok: true });
    expect(await entryOf()).toMatchObject({ themeId: other.id, introduction: "Nieuwe inleiding", sortOrder: 7 });
    expect((await getInspirationBook()).chapters.map((chapter) => chapter.id)).toEqual([other.id]);
    const row = await db.auditLog.findFirst({ where: { targetId: updateId, action: "inspiration.edit" } });
    expect(row?.data).toMatchObject({ before: { themeId: theme.id, sortOrder: 0 }, after: { themeId: other.id, sortOrder: 7 } });
  });

  it("orders a chapter by its sort order", async () => {
    const first = await publicEntry();
    const secondUpdate = await createPublishedUpdate({ authorId: author.id });
    const proposed = await propose(coordinator, { updateId: secondUpdate.id });
    const second = proposed.ok ? proposed.data.entryId : "";
    await step(acceptInspiration, author, second);
    await step(publishInspirationEntry, coordinator, second);
    expect(await bookEntryIds()).toEqual([first, second]);
    await editInspirationEntry({
      actor: coordinator,
      input: { entryId: first, themeId: theme.id, introduction: "Later", sortOrder: "50" },
    });
    expect(await bookEntryIds()).toEqual([second, first]);
  });

  it("unpublishes and removes, each audited", async () => {
    const entryId = await publicEntry();
    expect(await step(unpublishInspirationEntry, coordinator, entryId)).toMatchObject({ ok: true });
    expect(await bookEntryIds()).toEqual([]);
    expect(await step(unpublishInspirationEntry, coordinator, entryId)).toEqual({ ok: false, error: "inspiration.notPublished" });
    expect(await step(removeInspirationEntry, coordinator, entryId)).toMatchObject({ ok: true });
    expect(await db.inspirationEntry.count({ where: { id: entryId } })).toBe(0);
    const actions = await db.auditLog.findMany({
      where: { targetId: updateId, action: { in: ["inspiration.unpublish", "inspiration.remove"] } },
    });
    expect(actions.map((row) => row.action).sort()).toEqual(["inspiration.remove", "inspiration.unpublish"]);
    // Removed, it may be proposed anew (the author is asked again).
    expect(await propose()).toMatchObject({ ok: true });
  });
});

describe("the book's lessons", () => {
  it("holds the confirmed lessons only", async () => {
    const writer = await createUser({ role: "COORDINATOR" });
    const lesson = (title: string, status: "HYPOTHESE" | "ONDERBOUWD" | "BEVESTIGD") =>
      db.lesson.create({ data: { title, body: `Over ${title}`, status, authorId: writer.id } });
    await lesson("Een hypothese", "HYPOTHESE");
    await lesson("Onderbouwd", "ONDERBOUWD");
    const confirmed = await lesson("Praat vroeg met bewoners", "BEVESTIGD");
    expect((await getInspirationBook()).lessons).toEqual([{ id: confirmed.id, title: confirmed.title, body: confirmed.body }]);
  });
});
