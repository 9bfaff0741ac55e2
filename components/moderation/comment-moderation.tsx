import { getTranslations } from "next-intl/server";
import type { CommentView } from "@/lib/comments/queries";
import { deleteCommentAsModeratorAction, hideAction, unhideAction } from "@/lib/moderation/actions";
import { ModerationStep } from "./moderation-step";
import { ReportForm } from "./report-form";

/** Under a comment: the banner when moderation hid it, "Melden" for readers, and the coordinators' steps. */
export async function CommentModeration({ comment, updateId, authorName }: { comment: CommentView; updateId: string; authorName: string }) {
  const t = await getTranslations("moderation");
  const subject = t("commentSubject", { name: authorName });
  const target = { targetType: "COMMENT", targetId: comment.id, updateId };
  const staff = comment.canHide || comment.canUnhide || comment.canDeleteAsModerator;
  return (
    <>
      {comment.hiddenByModeration ? (
        <p role="note" className="rounded border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950">
          {t("hiddenBanner")}
        </p>
      ) : null}
      {comment.canReport ? (
        <ReportForm targetType="COMMENT" targetId={comment.id} updateId={updateId} subject={subject} reported={comment.reportedByMe} />
      ) : null}
      {staff ? (
        <div role="group" aria-label={`${t("actionsLabel")}: ${subject}`} className="flex flex-wrap items-start gap-2">
          {comment.canHide ? (
            <ModerationStep action={hideAction} label={t("hide")} subject={subject} fields={target} done={t("hidden")} />
          ) : null}
          {comment.canUnhide ? (
            <ModerationStep action={unhideAction} label={t("unhide")} subject={subject} fields={target} done={t("unhidden")} />
          ) : null}
          {comment.canDeleteAsModerator ? (
            <ModerationStep
              action={deleteCommentAsModeratorAction}
              label={t("delete")}
              subject={subject}
              fields={{ commentId: comment.id, updateId }}
              done={t("deleted")}
              danger
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}
