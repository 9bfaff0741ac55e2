"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton } from "@/components/form/fields";
import { ModerationStep } from "@/components/moderation/moderation-step";
import {
  claimItemAction,
  deleteCommentAsModeratorAction,
  dismissReportsAction,
  hideAction,
  lockThreadAction,
  releaseItemAction,
  unhideAction,
} from "@/lib/moderation/actions";
import type { QueueTableRow } from "./review-queue-table";

/** A queue row's steps: claim it first, so two coordinators do not act on one item at once; each step asks for a reason. */
export function QueueActions({ row }: { row: QueueTableRow }) {
  const t = useTranslations("moderation");
  const tQueue = useTranslations("moderationQueue");
  const subject = row.targetType === "COMMENT" ? t("commentSubject", { name: row.author }) : t("updateSubject", { title: row.updateTitle });
  const target = { targetType: row.targetType, targetId: row.targetId, updateId: row.updateId };
  const claimedByOther = row.claimed !== null && !row.claimed.mine;
  if (claimedByOther) return <p className="text-sm">{tQueue("claimedBy", { name: row.claimed!.name })}</p>;
  return (
    <div className="flex flex-col items-start gap-2">
      <ActionForm action={row.claimed?.mine ? releaseItemAction : claimItemAction} className="contents">
        <input type="hidden" name="itemId" value={row.id} />
        <SubmitButton className="rounded border border-slate-500 px-3 py-1 text-sm font-semibold">
          {row.claimed?.mine ? tQueue("release") : tQueue("claim")}
          <span className="sr-only">: {subject}</span>
        </SubmitButton>
      </ActionForm>
      {row.openReports > 0 ? (
        <ModerationStep
          action={dismissReportsAction}
          label={t("dismiss")}
          subject={subject}
          fields={{ itemId: row.id, updateId: row.updateId }}
          done={t("dismissed")}
        />
      ) : null}
      {row.state === "visible" ? (
        <ModerationStep action={hideAction} label={t("hide")} subject={subject} fields={target} done={t("hidden")} />
      ) : null}
      {row.state === "hidden" ? (
        <ModerationStep action={unhideAction} label={t("unhide")} subject={subject} fields={target} done={t("unhidden")} />
      ) : null}
      {row.targetType === "COMMENT" && row.state !== "deleted" ? (
        <ModerationStep
          action={deleteCommentAsModeratorAction}
          label={t("delete")}
          subject={subject}
          fields={{ commentId: row.targetId, updateId: row.updateId }}
          done={t("deleted")}
          danger
        />
      ) : null}
      {!row.locked && row.state !== "withdrawn" ? (
        <ModerationStep
          action={lockThreadAction}
          label={t("lock")}
          subject={subject}
          fields={{ updateId: row.updateId }}
          done={t("locked")}
        />
      ) : null}
    </div>
  );
}
