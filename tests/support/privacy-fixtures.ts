/**
 * A person with one row of every kind of personal data the export and the
 * account deletion deal with, made directly with Prisma. Every text carries
 * the person's label, so a test can tell whose data ended up where.
 */
import { db } from "@/lib/db";
import { createFeedToken } from "@/lib/feeds/service";
import type { UploadStorage } from "@/lib/uploads/storage";
import { actorOf, createUser, unique } from "./factories";
import { createExperiment, createPublishedUpdate, setPreference } from "./notification-fixtures";

export type SeededPerson = Awaited<ReturnType<typeof seedPerson>>;

export async function seedPerson(label: string, { storage }: { storage: UploadStorage }) {
  const user = await createUser({
    role: "PROJECT_LEADER",
    name: `Persoon ${label}`,
    email: `persoon-${label.toLowerCase()}-${unique()}@example.nl`,
  });
  const experiment = await createExperiment(user.municipalityId!);
  const update = await createPublishedUpdate({ authorId: user.id, experimentId: experiment.id, title: `Update van ${label}` });
  await db.updateRevision.create({
    data: {
      updateId: update.id,
      editorId: user.id,
      title: `Eerste titel van ${label}`,
      body: `Eerste tekst van ${label}`,
      phase: "UITVOERING",
    },
  });
  const comment = await db.comment.create({
    data: { updateId: update.id, authorId: user.id, body: `Reactie van ${label}`, editedAt: new Date() },
  });
  await db.update.update({ where: { id: update.id }, data: { commentCount: { increment: 1 } } });
  await db.commentRevision.create({ data: { commentId: comment.id, body: `Eerdere reactie van ${label}` } });
  await db.appreciation.create({ data: { userId: user.id, updateId: update.id } });
  await db.follow.create({ data: { userId: user.id, targetType: "EXPERIMENT", targetId: experiment.id } });
  await setPreference(user.id, "MENTION", "DAILY");
  await db.updateVisit.create({ data: { userId: user.id, updateId: update.id, lastVisitedAt: new Date() } });

  const storageKey = `2026/12/p${unique()}abcdefghij.webp`;
  const imageBytes = Buffer.from(`beeld van ${label}`);
  await storage.put(storageKey, imageBytes, "image/webp");
  const upload = await db.upload.create({
    data: {
      uploaderId: user.id,
      updateId: update.id,
      storageKey,
      contentType: "image/webp",
      byteSize: imageBytes.length,
      width: 1,
      height: 1,
    },
  });

  // The person reports their own comment (a fixture: the service would not let them, which does not matter here).
  const item = await db.moderationItem.create({
    data: {
      targetType: "COMMENT",
      commentId: comment.id,
      contextUpdateId: update.id,
      authorId: user.id,
      openReports: 1,
      lastReportedAt: new Date(),
    },
  });
  await db.report.create({ data: { itemId: item.id, reporterId: user.id, reason: "OTHER", text: `Melding van ${label}` } });
  // An audit row with the person as actor, and a feed link to clear.
  const feed = await createFeedToken({ actor: actorOf(user) });
  if (!feed.ok) throw new Error("feed token");
  await db.session.create({ data: { sessionToken: `sessie-${unique()}`, userId: user.id, expires: new Date(Date.now() + 3600_000) } });

  return { user, experiment, update, comment, upload, imageBytes, item };
}

/** `author` replies to `person`'s comment on `person`'s update; `person` gets the REPLY notification (the actor is `author`). */
export async function replyTo(person: SeededPerson, author: { id: string; name: string }, body: string) {
  const reply = await db.comment.create({
    data: { updateId: person.update.id, authorId: author.id, parentId: person.comment.id, replyToId: person.comment.id, body },
  });
  await db.update.update({ where: { id: person.update.id }, data: { commentCount: { increment: 1 } } });
  await db.notification.create({
    data: { userId: person.user.id, kind: "REPLY", actorId: author.id, updateId: person.update.id, commentId: reply.id },
  });
  return reply;
}
