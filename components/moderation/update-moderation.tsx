import { getTranslations } from "next-intl/server";
import {
  hideAction,
  lockThreadAction,
  restoreUpdateAsModeratorAction,
  unhideAction,
  unlockThreadAction,
  withdrawUpdateAsModeratorAction,
} from "@/lib/moderation/actions";
import { hasOpenReport } from "@/lib/moderation/queries";
import { can, type Actor } from "@/lib/policy/permissions";
import { isListedUpdate } from "@/lib/policy/updates";
import { ModerationStep } from "./moderation-step";
import { ReportForm } from "./report-form";

type ModeratedUpdate = {
  id: string;
  title: string;
  authorId: string;
  status: "DRAFT" | "PUBLISHED" | "WITHDRAWN";
  hiddenAt: Date | null;
  commentsLockedAt: Date | null;
  publishedAt: Date | null;
};

/** On an update's page: the banner when moderation hid it, "Melden" for readers, and the coordinators' steps. */
export async function UpdateModeration({ update, actor }: { update: ModeratedUpdate; actor: Actor }) {
  const t = await getTranslations("moderation");
  const subject = t("updateSubject", { title: update.title });
  const listed = isListedUpdate(update);
  const own = update.authorId === actor.id;
  const published = update.status === "PUBLISHED";
  const target = { targetType: "UPDATE", targetId: update.id, updateId: update.id };
  const step = { subject, fields: { updateId: update.id } };
  const steps = [
    published && !update.hiddenAt && can(actor, "update:hide") ? (
      <ModerationStep key="hide" action={hideAction} label={t("hide")} {...step} fields={target} done={t("hidden")} />
    ) : null,
    published && update.hiddenAt && can(actor, "update:hide") ? (
      <ModerationStep key="unhide" action={unhideAction} label={t("unhide")} {...step} fields={target} done={t("unhidden")} />
    ) : null,
    listed && !update.commentsLockedAt && can(actor, "thread:lock") ? (
      <ModerationStep key="lock" action={lockThreadAction} label={t("lock")} {...step} done={t("locked")} />
    ) : null,
    published && update.commentsLockedAt && can(actor, "thread:lock") ? (
      <ModerationStep key="unlock" action={unlockThreadAction} label={t("unlock")} {...step} done={t("unlocked")} />
    ) : null,
    published && !own && can(actor, "update:withdraw-any") ? (
      <ModerationStep
        key="withdraw"
        action={withdrawUpdateAsModeratorAction}
        label={t("withdraw")}
        {...step}
        done={t("withdrawn")}
        danger
      />
    ) : null,
    update.status === "WITHDRAWN" && update.publishedAt && !own && can(actor, "update:withdraw-any") ? (
      <ModerationStep key="restore" action={restoreUpdateAsModeratorAction} label={t("restore")} {...step} done={t("restored")} />
    ) : null,
  ].filter(Boolean);
  const mayReport = listed && !own && can(actor, "report:create");
  return (
    <>
      {update.hiddenAt ? (
        <p role="note" className="rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3 font-semibold text-amber-950">
          {t("hiddenUpdateBanner")}
        </p>
      ) : null}
      {mayReport ? (
        <ReportForm
          targetType="UPDATE"
          targetId={update.id}
          updateId={update.id}
          subject={subject}
          reported={await hasOpenReport(actor, { updateId: update.id })}
        />
      ) : null}
      {steps.length ? (
        <div role="group" aria-label={`${t("actionsLabel")}: ${subject}`} className="flex flex-wrap items-start gap-2">
          {steps}
        </div>
      ) : null}
    </>
  );
}
