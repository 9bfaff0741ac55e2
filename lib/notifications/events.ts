import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Domain events that create notifications and follows. Callers run them inside
 * the transaction of the write that caused them, so a notification exists
 * exactly when its comment or update does.
 */
export type CommentPostedEvent = {
  commentId: string;
  updateId: string;
  authorId: string;
  /** The thread's first comment when this is a reply. */
  parentId: string | null;
  /** The author of the comment this one answers, when it is a reply. */
  replyToAuthorId: string | null;
  mentionedUserIds: string[];
};

export type UpdatePublishedEvent = { updateId: string; authorId: string };

export async function onCommentPosted(tx: Tx, event: CommentPostedEvent): Promise<void> {
  // The commenter follows the thread from now on.
  await tx.follow.upsert({
    where: { userId_targetType_targetId: { userId: event.authorId, targetType: "UPDATE", targetId: event.updateId } },
    create: { userId: event.authorId, targetType: "UPDATE", targetId: event.updateId },
    update: {},
  });
}

export async function onUpdatePublished(tx: Tx, event: UpdatePublishedEvent): Promise<void> {
  // Authors follow their own updates.
  await tx.follow.upsert({
    where: { userId_targetType_targetId: { userId: event.authorId, targetType: "UPDATE", targetId: event.updateId } },
    create: { userId: event.authorId, targetType: "UPDATE", targetId: event.updateId },
    update: {},
  });
}
