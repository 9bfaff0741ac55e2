import "server-only";
import { db } from "@/lib/db";
import { withTags } from "@/lib/taxonomy/tags";

/**
 * Everything the portal holds about one person, per kind, for their data
 * export (AVG right of access). Only their own rows: what others wrote,
 * and who others are, stays out — a notification says which update it was
 * about, not who caused it. Secrets (password hash, feed and session tokens)
 * are left out too; that they exist is said.
 */

const updateRef = { select: { id: true, title: true } } as const;

async function collectProfile(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      bio: true,
      municipality: { select: { name: true } },
      emailVerified: true,
      blockedAt: true,
      blockedUntil: true,
      blockReason: true,
      anonymisedAt: true,
      createdAt: true,
      updatedAt: true,
      passwordHash: true,
      feedTokenHash: true,
      sessions: { select: { expires: true }, orderBy: { expires: "asc" } },
      invitationAccepted: { select: { role: true, createdAt: true, acceptedAt: true } },
      ledExperiments: { select: { title: true }, orderBy: { title: "asc" } },
    },
  });
  const { passwordHash, feedTokenHash, municipality, sessions, invitationAccepted, ledExperiments, ...profile } = user;
  return {
    ...profile,
    municipality: municipality?.name ?? null,
    hasPassword: passwordHash !== null,
    hasFeedLink: feedTokenHash !== null,
    sessions,
    invitation: invitationAccepted,
    experimentsLed: ledExperiments.map((experiment) => experiment.title),
  };
}

async function collectUpdates(userId: string) {
  const revisionFields = { createdAt: true, title: true, body: true, phase: true, milestone: true, opgaven: true, themes: true } as const;
  const written = await db.update.findMany({
    where: { authorId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      body: true,
      phase: true,
      milestone: true,
      status: true,
      publishedAt: true,
      withdrawnAt: true,
      hiddenAt: true,
      createdAt: true,
      updatedAt: true,
      experiment: { select: { title: true, municipality: { select: { name: true } } } },
      opgaven: { select: { opgave: { select: { name: true } } } },
      themes: { select: { theme: { select: { name: true } } } },
      revisions: { orderBy: { createdAt: "asc" }, select: { ...revisionFields, editorId: true } },
    },
  });
  const editsOfOthers = await db.updateRevision.findMany({
    where: { editorId: userId, update: { authorId: { not: userId } } },
    orderBy: { createdAt: "asc" },
    select: { ...revisionFields, update: updateRef },
  });
  return {
    written: written.map(withTags).map(({ experiment, opgaven, themes, revisions, ...update }) => ({
      ...update,
      experiment: experiment.title,
      municipality: experiment.municipality.name,
      opgaven: opgaven.map((opgave) => opgave.name),
      themes: themes.map((theme) => theme.name),
      // Who else edited is their data, not the person's: only whether it was them.
      revisions: revisions.map(({ editorId, ...revision }) => ({ ...revision, editedByYou: editorId === userId })),
    })),
    editsOfOthersUpdates: editsOfOthers,
  };
}

function collectComments(userId: string) {
  return db.comment.findMany({
    where: { authorId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      update: updateRef,
      parentId: true,
      replyToId: true,
      feedbackRequestId: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      hiddenAt: true,
      revisions: { orderBy: { createdAt: "asc" }, select: { createdAt: true, body: true } },
    },
  });
}

/** Names of what the person follows, looked up per kind (a follow stores only the kind and an id). */
async function collectFollows(userId: string) {
  const follows = await db.follow.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { targetType: true, targetId: true, createdAt: true },
  });
  const ids = (type: string) => follows.filter((follow) => follow.targetType === type).map((follow) => follow.targetId);
  const named = { select: { id: true, name: true } } as const;
  const [experiments, opgaven, themes, municipalities, updates] = await Promise.all([
    db.experiment.findMany({ where: { id: { in: ids("EXPERIMENT") } }, select: { id: true, title: true } }),
    db.opgave.findMany({ where: { id: { in: ids("OPGAVE") } }, ...named }),
    db.theme.findMany({ where: { id: { in: ids("THEME") } }, ...named }),
    db.municipality.findMany({ where: { id: { in: ids("MUNICIPALITY") } }, ...named }),
    db.update.findMany({ where: { id: { in: ids("UPDATE") } }, select: { id: true, title: true } }),
  ]);
  const names = new Map<string, string>([
    ...experiments.map((row) => [row.id, row.title] as const),
    ...[...opgaven, ...themes, ...municipalities].map((row) => [row.id, row.name] as const),
    ...updates.map((row) => [row.id, row.title] as const),
  ]);
  return follows.map((follow) => ({ ...follow, name: names.get(follow.targetId) ?? null }));
}

/**
 * The feedback requests the person sent (their question, how many they asked
 * and how many answered) and those they were asked in (which update, when,
 * and when they answered): who the others are, and their question, stays out.
 */
async function collectFeedbackRequests(userId: string) {
  const [sent, received] = await Promise.all([
    db.feedbackRequest.findMany({
      where: { requesterId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, question: true, createdAt: true, update: updateRef, peers: { select: { answeredAt: true } } },
    }),
    db.feedbackRequestPeer.findMany({
      where: { userId },
      orderBy: { request: { createdAt: "asc" } },
      select: { answeredAt: true, request: { select: { id: true, createdAt: true, update: updateRef } } },
    }),
  ]);
  return {
    sent: sent.map(({ peers, ...request }) => ({
      ...request,
      asked: peers.length,
      answered: peers.filter((peer) => peer.answeredAt).length,
    })),
    askedOfYou: received.map(({ request, answeredAt }) => ({ ...request, answeredAt })),
  };
}

function collectNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      kind: true,
      createdAt: true,
      readAt: true,
      emailedAt: true,
      update: updateRef,
      commentId: true,
      feedbackRequestId: true,
      event: true,
      reason: true,
    },
  });
}

function collectAppreciations(userId: string) {
  return db.appreciation.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, update: updateRef, comment: { select: { id: true, update: updateRef } } },
  });
}

function collectReports(userId: string) {
  return db.report.findMany({
    where: { reporterId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      reason: true,
      text: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      item: { select: { targetType: true, updateId: true, commentId: true, contextUpdateId: true } },
    },
  });
}

/** The lessons the person wrote as a coordinator (their own text; the citations' notes are in the audit log). */
function collectLessons(userId: string) {
  return db.lesson.findMany({
    where: { authorId: userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, body: true, status: true, createdAt: true, updatedAt: true },
  });
}

export async function collectPersonalData(userId: string) {
  const [profile, updates, comments, appreciations, follows, notifications, emailPreferences, visits, reports, audit, uploads] =
    await Promise.all([
      collectProfile(userId),
      collectUpdates(userId),
      collectComments(userId),
      collectAppreciations(userId),
      collectFollows(userId),
      collectNotifications(userId),
      db.emailPreference.findMany({
        where: { userId },
        orderBy: { kind: "asc" },
        select: { kind: true, frequency: true, updatedAt: true },
      }),
      db.updateVisit.findMany({ where: { userId }, orderBy: { lastVisitedAt: "asc" }, select: { lastVisitedAt: true, update: updateRef } }),
      collectReports(userId),
      db.auditLog.findMany({
        where: { actorId: userId },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, action: true, targetType: true, targetId: true, reason: true, data: true },
      }),
      db.upload.findMany({
        where: { uploaderId: userId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          storageKey: true,
          contentType: true,
          byteSize: true,
          width: true,
          height: true,
          createdAt: true,
          update: updateRef,
        },
      }),
    ]);
  const feedbackRequests = await collectFeedbackRequests(userId);
  const lessons = await collectLessons(userId);
  return {
    profile,
    updates,
    comments,
    appreciations,
    follows,
    notifications,
    emailPreferences,
    visits,
    reports,
    audit,
    uploads,
    feedbackRequests,
    lessons,
  };
}

export type PersonalData = Awaited<ReturnType<typeof collectPersonalData>>;
