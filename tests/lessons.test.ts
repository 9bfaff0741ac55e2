import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLesson, listLessons, listLessonsCiting, listLessonsWithEvidence } from "@/lib/lessons/queries";
import { parseCitationLink } from "@/lib/lessons/schema";
import { changeLessonStatus, citeInLesson, createLesson, deleteLesson, removeEvidence, updateLesson } from "@/lib/lessons/service";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createActor, createMunicipality, createUser, unique } from "./support/factories";
import { createExperiment, createOpgave, createPublishedUpdate } from "./support/notification-fixtures";

let coordinator: Actor;
let admin: Actor;
let member: Actor;
let leader: Actor;
let experimentId: string;
let authorId: string;

beforeAll(async () => {
  const municipality = await createMunicipality();
  experimentId = (await createExperiment(municipality.id)).id;
  [coordinator, admin, member] = await Promise.all([createActor("COORDINATOR"), createActor("ADMIN"), createActor("MEMBER")]);
  leader = actorOf(await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }));
  authorId = leader.id;
});

const update = (extra: { opgaveIds?: string[]; title?: string } = {}) => createPublishedUpdate({ authorId, experimentId, ...extra });
const comment = (updateId: string, extra: { hiddenAt?: Date; deletedAt?: Date } = {}) =>
  db.comment.create({ data: { updateId, authorId: member.id, body: `Een **reactie** over de wijk ${unique()}`, ...extra } });

async function newLesson(actor: Actor = coordinator, title = `Een helder verhaal over de wijk ${unique()}`) {
  const result = await createLesson({ actor, input: { title, body: "Begin met het verhaal van de wijk.", status: "HYPOTHESE" } });
  if (!result.ok) throw new Error(`createLesson: ${result.error}`);
  return result.data.id;
}

async function cite(lessonId: string, link: string, note = "Laat zien dat het werkt.") {
  return citeInLesson({ actor: coordinator, input: { lessonId, link, note } });
}

const auditOf = (targetId: string) =>
  db.auditLog.findMany({
    where: { targetId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, reason: true, data: true },
  });
const auditCount = (actorId: string) => db.auditLog.count({ where: { actorId } });

describe("reading a pasted citation link", () => {
  it("reads an update's address, with or without the site, and a comment's link", () => {
    expect(parseCitationLink("/updates/abc123")).toEqual({ updateId: "abc123", commentId: null });
    expect(parseCitationLink("https://koppelkans.example.nl/updates/abc123?reacties=50")).toEqual({ updateId: "abc123", commentId: null });
    expect(parseCitationLink("http://localhost:3000/updates/abc123?reacties=2#reactie-c99")).toEqual({
      updateId: "abc123",
      commentId: "c99",
    });
    expect(parseCitationLink("  /updates/abc123#reactie-c99 ")).toEqual({ updateId: "abc123", commentId: "c99" });
    expect(parseCitationLink("abc123")).toEqual({ updateId: "abc123", commentId: null });
  });

  it("refuses anything that is not an update or comment link", () => {
    for (const text of ["/lessen/abc", "https://example.nl/", "twee woorden", "/updates/", "/updates/a'b"]) {
      expect(parseCitationLink(text), text).toBeNull();
    }
  });
});

describe("a coordinator curates lessons", () => {
  it("writes a lesson, edits it and moves its status both ways, each step in the audit log", async () => {
    const lessonId = await newLesson(coordinator, "Verbinden is mensenwerk");
    expect(
      await updateLesson({
        actor: coordinator,
        input: { lessonId, title: "Verbinden is echt mensenwerk", body: "Aanjagers maken het verschil." },
      }),
    ).toEqual({
      ok: true,
      data: { id: lessonId },
    });
    expect(
      await changeLessonStatus({ actor: coordinator, input: { lessonId, status: "BEVESTIGD", reason: "Drie gemeenten zien het." } }),
    ).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await changeLessonStatus({ actor: admin, input: { lessonId, status: "ONDERBOUWD" } })).toMatchObject({ ok: true });
    // The status it already has: nothing changes, nothing is logged.
    expect(await changeLessonStatus({ actor: admin, input: { lessonId, status: "ONDERBOUWD" } })).toMatchObject({
      ok: true,
      data: { changed: false },
    });

    expect(await db.lesson.findUniqueOrThrow({ where: { id: lessonId } })).toMatchObject({
      title: "Verbinden is echt mensenwerk",
      body: "Aanjagers maken het verschil.",
      status: "ONDERBOUWD",
      authorId: coordinator.id,
    });
    expect(await auditOf(lessonId)).toEqual([
      { action: "lesson.create", actorId: coordinator.id, reason: null, data: { title: "Verbinden is mensenwerk", status: "HYPOTHESE" } },
      {
        action: "lesson.update",
        actorId: coordinator.id,
        reason: null,
        data: {
          before: { title: "Verbinden is mensenwerk", body: "Begin met het verhaal van de wijk." },
          after: { title: "Verbinden is echt mensenwerk", body: "Aanjagers maken het verschil." },
        },
      },
      {
        action: "lesson.status-change",
        actorId: coordinator.id,
        reason: "Drie gemeenten zien het.",
        data: { before: { status: "HYPOTHESE" }, after: { status: "BEVESTIGD" } },
      },
      {
        action: "lesson.status-change",
        actorId: admin.id,
        reason: null,
        data: { before: { status: "BEVESTIGD" }, after: { status: "ONDERBOUWD" } },
      },
    ]);
  });

  it("refuses an empty title or text with field errors, and writes nothing", async () => {
    const before = await auditCount(coordinator.id);
    const result = await createLesson({ actor: coordinator, input: { title: " ", body: "", status: "HYPOTHESE" } });
    expect(result).toMatchObject({
      ok: false,
      error: "form.invalid",
      fieldErrors: { title: ["lessons.titleRequired"], body: ["lessons.bodyRequired"] },
    });
    expect(await changeLessonStatus({ actor: coordinator, input: { lessonId: "onbekend", status: "BEVESTIGD" } })).toEqual({
      ok: false,
      error: "lessons.notFound",
    });
    expect(await auditCount(coordinator.id)).toBe(before);
  });

  it("cites an update by its address and a comment by its link, and removes a citation", async () => {
    const lessonId = await newLesson();
    const cited = await update();
    const talk = await comment(cited.id);
    const byUpdate = await cite(lessonId, `https://koppelkans.example.nl/updates/${cited.id}`, "De Legosessie gaf het verhaal.");
    const byComment = await cite(lessonId, `/updates/${cited.id}?reacties=2#reactie-${talk.id}`);
    expect(byUpdate).toMatchObject({ ok: true, data: { lessonId } });
    expect(byComment).toMatchObject({ ok: true, data: { lessonId } });
    if (!byUpdate.ok || !byComment.ok) return;

    // A comment citation stores only the comment, so deleting it later leaves both ids empty.
    expect(
      await db.lessonEvidence.findMany({
        where: { lessonId },
        orderBy: { createdAt: "asc" },
        select: { updateId: true, commentId: true, note: true },
      }),
    ).toEqual([
      { updateId: cited.id, commentId: null, note: "De Legosessie gaf het verhaal." },
      { updateId: null, commentId: talk.id, note: "Laat zien dat het werkt." },
    ]);
    expect(await cite(lessonId, `/updates/${cited.id}`)).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { link: ["lessons.alreadyCited"] },
    });

    expect(await removeEvidence({ actor: coordinator, input: { evidenceId: byUpdate.data.id } })).toMatchObject({ ok: true });
    expect(await removeEvidence({ actor: coordinator, input: { evidenceId: byUpdate.data.id } })).toEqual({
      ok: false,
      error: "lessons.evidenceNotFound",
    });
    const audit = (await auditOf(lessonId)).slice(1);
    expect(audit).toEqual([
      {
        action: "lesson.cite",
        actorId: coordinator.id,
        reason: null,
        data: { evidenceId: byUpdate.data.id, updateId: cited.id, commentId: null, note: "De Legosessie gaf het verhaal." },
      },
      {
        action: "lesson.cite",
        actorId: coordinator.id,
        reason: null,
        data: { evidenceId: byComment.data.id, updateId: null, commentId: talk.id, note: "Laat zien dat het werkt." },
      },
      {
        action: "lesson.uncite",
        actorId: coordinator.id,
        reason: null,
        data: { evidenceId: byUpdate.data.id, updateId: cited.id, commentId: null, note: "De Legosessie gaf het verhaal." },
      },
    ]);
  });

  it("refuses to cite a hidden, withdrawn or draft update, a hidden, deleted or misplaced comment, or a strange link", async () => {
    const lessonId = await newLesson();
    const hidden = await update();
    await db.update.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const withdrawn = await update();
    await db.update.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    const draft = await update();
    await db.update.update({ where: { id: draft.id }, data: { status: "DRAFT", publishedAt: null } });
    const listed = await update();
    const other = await update();
    const hiddenComment = await comment(listed.id, { hiddenAt: new Date() });
    const deletedComment = await comment(listed.id, { deletedAt: new Date() });
    const onHidden = await comment(hidden.id);
    const elsewhere = await comment(other.id);
    const before = await auditCount(coordinator.id);

    const updateRefused = { ok: false, error: "form.invalid", fieldErrors: { link: ["lessons.updateNotCitable"] } };
    const commentRefused = { ok: false, error: "form.invalid", fieldErrors: { link: ["lessons.commentNotCitable"] } };
    for (const id of [hidden.id, withdrawn.id, draft.id, "bestaatniet"])
      expect(await cite(lessonId, `/updates/${id}`), id).toEqual(updateRefused);
    for (const [updateId, commentId] of [
      [listed.id, hiddenComment.id],
      [listed.id, deletedComment.id],
      [hidden.id, onHidden.id],
      [listed.id, elsewhere.id],
    ]) {
      expect(await cite(lessonId, `/updates/${updateId}#reactie-${commentId}`), commentId).toEqual(commentRefused);
    }
    expect(await cite(lessonId, "https://example.nl/iets-anders")).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { link: ["lessons.citationUnrecognised"] },
    });
    expect(await cite("onbekend", `/updates/${listed.id}`)).toEqual({ ok: false, error: "lessons.notFound" });
    expect(await db.lessonEvidence.count({ where: { lessonId } })).toBe(0);
    expect(await auditCount(coordinator.id)).toBe(before);
  });

  it("deletes a lesson only when confirmed; its citations go with it and the log keeps its title", async () => {
    const lessonId = await newLesson(coordinator, "Overwin koudwatervrees");
    const cited = await update();
    expect(await cite(lessonId, `/updates/${cited.id}`)).toMatchObject({ ok: true });
    expect(await deleteLesson({ actor: coordinator, input: { lessonId } })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: ["lessons.confirmDelete"] },
    });
    expect(await deleteLesson({ actor: coordinator, input: { lessonId, confirm: "on" } })).toEqual({ ok: true, data: { id: lessonId } });
    expect(await db.lesson.count({ where: { id: lessonId } })).toBe(0);
    expect(await db.lessonEvidence.count({ where: { lessonId } })).toBe(0);
    expect((await auditOf(lessonId)).at(-1)).toEqual({
      action: "lesson.delete",
      actorId: coordinator.id,
      reason: null,
      data: { title: "Overwin koudwatervrees", status: "HYPOTHESE", evidence: 1 },
    });
    expect(await deleteLesson({ actor: coordinator, input: { lessonId, confirm: "on" } })).toEqual({
      ok: false,
      error: "lessons.notFound",
    });
  });
});

describe("only staff curate lessons", () => {
  it("refuses a member and a project leader every lesson write, with no change and no audit row", async () => {
    const lessonId = await newLesson();
    const cited = await update();
    const evidence = await cite(lessonId, `/updates/${cited.id}`);
    if (!evidence.ok) throw new Error(evidence.error);
    const lessonBefore = await db.lesson.findUniqueOrThrow({ where: { id: lessonId } });

    for (const actor of [member, leader, null]) {
      const before = actor ? await auditCount(actor.id) : 0;
      const answers = [
        await createLesson({ actor, input: { title: "Niet van mij", body: "Tekst", status: "HYPOTHESE" } }),
        await updateLesson({ actor, input: { lessonId, title: "Overgenomen", body: "Tekst" } }),
        await changeLessonStatus({ actor, input: { lessonId, status: "BEVESTIGD" } }),
        await citeInLesson({ actor, input: { lessonId, link: `/updates/${(await update()).id}`, note: "" } }),
        await removeEvidence({ actor, input: { evidenceId: evidence.data.id } }),
        await deleteLesson({ actor, input: { lessonId, confirm: "on" } }),
      ];
      for (const answer of answers) expect(answer).toEqual({ ok: false, error: "permission.denied" });
      if (actor) expect(await auditCount(actor.id)).toBe(before);
    }
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lessonId } })).toEqual(lessonBefore);
    expect(await db.lessonEvidence.count({ where: { lessonId } })).toBe(1);
    expect(await db.lesson.count({ where: { title: "Niet van mij" } })).toBe(0);
  });
});

describe("citations of content that goes away", () => {
  it("shows a hidden, withdrawn or deleted update or comment as unavailable; the count drops and the lesson stays", async () => {
    const opgave = await createOpgave();
    const lessonId = await newLesson(coordinator, `Praat vroeg met bewoners ${unique()}`);
    const [toHide, toWithdraw, toDelete, stays, withComments] = await Promise.all([
      update({ opgaveIds: [opgave.id] }),
      update(),
      update(),
      update(),
      update(),
    ]);
    const [commentToHide, commentToDelete] = [await comment(withComments.id), await comment(withComments.id)];
    for (const cited of [toHide, toWithdraw, toDelete, stays])
      expect(await cite(lessonId, `/updates/${cited.id}`)).toMatchObject({ ok: true });
    for (const talk of [commentToHide, commentToDelete])
      expect(await cite(lessonId, `/updates/${withComments.id}#reactie-${talk.id}`)).toMatchObject({ ok: true });

    const listed = async () => (await listLessons()).find((lesson) => lesson.id === lessonId);
    expect((await getLesson(lessonId))?.evidenceCount).toBe(6);
    expect(await listed()).toMatchObject({ evidenceCount: 6, opgaven: [{ id: opgave.id, name: opgave.name }] });
    expect((await listLessonsCiting(toHide.id)).map((lesson) => lesson.id)).toContain(lessonId);

    await db.update.update({ where: { id: toHide.id }, data: { hiddenAt: new Date() } });
    await db.update.update({ where: { id: toWithdraw.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    await db.update.delete({ where: { id: toDelete.id } });
    await db.comment.update({ where: { id: commentToHide.id }, data: { hiddenAt: new Date() } });
    await db.comment.delete({ where: { id: commentToDelete.id } });

    const lesson = await getLesson(lessonId);
    expect(lesson?.evidenceCount).toBe(1);
    expect(lesson?.evidence.map((citation) => citation.available)).toEqual([false, false, false, true, false, false]);
    // Nothing of the content that went away is carried to the page.
    const gone = lesson?.evidence.filter((citation) => !citation.available) ?? [];
    for (const citation of gone) expect(Object.keys(citation).sort()).toEqual(["available", "createdAt", "id", "note"]);
    expect(lesson?.evidence[3]).toMatchObject({ available: true, update: { id: stays.id, title: stays.title }, comment: null });
    // The deleted update's and comment's rows stay, with both ids empty.
    expect(await db.lessonEvidence.count({ where: { lessonId, updateId: null, commentId: null } })).toBe(2);

    expect(await listed()).toMatchObject({ evidenceCount: 1, opgaven: [] });
    expect((await listLessonsCiting(toHide.id)).map((row) => row.id)).not.toContain(lessonId);
    expect((await listLessonsCiting(withComments.id)).map((row) => row.id)).not.toContain(lessonId);
    expect((await listLessonsWithEvidence()).find((row) => row.id === lessonId)).toMatchObject({
      evidenceCount: 1,
      citedUpdates: [{ id: stays.id }],
    });
  });
});

describe("the update page's lessons", () => {
  it("lists the lessons that cite the update or one of its comments, with their status", async () => {
    const cited = await update();
    const talk = await comment(cited.id);
    const [direct, viaComment, unrelated] = [await newLesson(), await newLesson(), await newLesson()];
    expect(await cite(direct, `/updates/${cited.id}`)).toMatchObject({ ok: true });
    expect(await cite(viaComment, `/updates/${cited.id}#reactie-${talk.id}`)).toMatchObject({ ok: true });
    expect(await cite(unrelated, `/updates/${(await update()).id}`)).toMatchObject({ ok: true });
    await changeLessonStatus({ actor: coordinator, input: { lessonId: viaComment, status: "BEVESTIGD" } });

    const lessons = await listLessonsCiting(cited.id);
    expect(lessons.map((lesson) => [lesson.id, lesson.status])).toEqual([
      [viaComment, "BEVESTIGD"],
      [direct, "HYPOTHESE"],
    ]);
    const page = await getLesson(viaComment);
    expect(page?.evidence[0]).toMatchObject({
      available: true,
      update: { id: cited.id, title: cited.title },
      comment: { id: talk.id, authorName: expect.any(String) as string },
    });
    // The excerpt is plain text: Markdown marks are left out.
    expect(page?.evidence[0]?.available && page.evidence[0].comment?.excerpt).toMatch(/^Een reactie over de wijk/);
  });
});

describe("lessons for the programme report", () => {
  it("gives each lesson's status, title, evidence count and cited updates, limited to a period", async () => {
    const first = await update({ title: `Eerste ${unique()}` });
    const second = await update({ title: `Tweede ${unique()}` });
    const lessonId = await newLesson();
    await cite(lessonId, `/updates/${first.id}`);
    await cite(lessonId, `/updates/${second.id}#reactie-${(await comment(second.id)).id}`);
    await db.lessonEvidence.updateMany({ where: { lessonId, updateId: first.id }, data: { createdAt: new Date("2025-03-01T10:00:00Z") } });
    await db.lesson.update({ where: { id: lessonId }, data: { createdAt: new Date("2025-01-01T10:00:00Z") } });

    const all = (await listLessonsWithEvidence()).find((row) => row.id === lessonId);
    expect(all).toEqual({
      id: lessonId,
      title: expect.any(String) as string,
      status: "HYPOTHESE",
      evidenceCount: 2,
      citedUpdates: [
        { id: first.id, title: first.title },
        { id: second.id, title: second.title },
      ],
    });
    const in2025 = (await listLessonsWithEvidence({ from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-12-31T23:59:59Z") })).find(
      (row) => row.id === lessonId,
    );
    expect(in2025).toMatchObject({ evidenceCount: 1, citedUpdates: [{ id: first.id, title: first.title }] });
    const before = await listLessonsWithEvidence({ to: new Date("2024-12-31T23:59:59Z") });
    expect(before.map((row) => row.id)).not.toContain(lessonId);
  });
});
