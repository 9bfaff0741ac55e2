/**
 * Rows for the notification, digest and follow tests: experiments, published
 * updates and comments made directly with Prisma. `postComment` stands in for
 * the comment service: it writes the comment and calls onCommentPosted in the
 * same transaction, as the real service does.
 */
import { beforeAll, beforeEach, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEmailTransport } from "@/lib/email/send";
import type { EmailFrequency, NotificationKind } from "@/lib/generated/prisma/enums";
import { onCommentPosted } from "@/lib/notifications/events";
import { createMunicipality, unique } from "./factories";

/**
 * Test hooks for a file that sends notification email: links to a fixed
 * address, the test secret, no SMTP (the outbox), and the outbox's log lines silenced.
 */
export function useOutboxForNotifications() {
  beforeAll(() => {
    process.env.APP_URL = "https://koppelkans.test";
    process.env.NEXTAUTH_SECRET = TEST_SECRET;
    delete process.env.SMTP_URL;
    resetEmailTransport();
  });
  beforeEach(() => {
    vi.spyOn(console, "info").mockImplementation(() => {});
  });
}

export async function createExperiment(municipalityId?: string) {
  const suffix = unique();
  return db.experiment.create({
    data: {
      title: `Experiment ${suffix}`,
      slug: `experiment-${suffix}`,
      summary: "Samenvatting (test)",
      municipalityId: municipalityId ?? (await createMunicipality()).id,
      startDate: new Date("2022-01-01"),
    },
  });
}

export async function createOpgave() {
  const suffix = unique();
  return db.opgave.create({ data: { name: `Opgave ${suffix}`, slug: `opgave-${suffix}` } });
}

export async function createTheme() {
  const suffix = unique();
  return db.theme.create({ data: { name: `Thema ${suffix}`, slug: `thema-${suffix}` } });
}

export async function createPublishedUpdate(input: {
  authorId: string;
  experimentId?: string;
  title?: string;
  opgaveIds?: string[];
  themeIds?: string[];
}) {
  return db.update.create({
    data: {
      authorId: input.authorId,
      experimentId: input.experimentId ?? (await createExperiment()).id,
      title: input.title ?? `Update ${unique()}`,
      body: "Tekst (test)",
      phase: "UITVOERING",
      status: "PUBLISHED",
      publishedAt: new Date(),
      opgaven: { create: (input.opgaveIds ?? []).map((opgaveId) => ({ opgaveId })) },
      themes: { create: (input.themeIds ?? []).map((themeId) => ({ themeId })) },
    },
  });
}

/** A comment plus its notification event, in one transaction (like the comment service). */
export async function postComment(input: {
  updateId: string;
  authorId: string;
  body?: string;
  replyTo?: { id: string; authorId: string; parentId: string | null };
  mentionedUserIds?: string[];
}) {
  return db.$transaction(async (tx) => {
    const parentId = input.replyTo ? (input.replyTo.parentId ?? input.replyTo.id) : null;
    const comment = await tx.comment.create({
      data: {
        updateId: input.updateId,
        authorId: input.authorId,
        body: input.body ?? `Reactie ${unique()}`,
        parentId,
        replyToId: input.replyTo?.id ?? null,
      },
    });
    await tx.update.update({ where: { id: input.updateId }, data: { commentCount: { increment: 1 } } });
    await onCommentPosted(tx, {
      commentId: comment.id,
      updateId: input.updateId,
      authorId: input.authorId,
      parentId,
      replyToAuthorId: input.replyTo?.authorId ?? null,
      mentionedUserIds: input.mentionedUserIds ?? [],
    });
    return comment;
  });
}

export async function setPreference(userId: string, kind: NotificationKind, frequency: EmailFrequency) {
  await db.emailPreference.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, frequency },
    update: { frequency },
  });
}

export async function setAllPreferences(userId: string, frequency: EmailFrequency) {
  for (const kind of ["COMMENT_ON_UPDATE", "REPLY", "MENTION", "FOLLOWED_UPDATE"] as const) await setPreference(userId, kind, frequency);
}

export function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

export const TEST_SECRET = "test-secret-for-unsubscribe-links-0123456789";
