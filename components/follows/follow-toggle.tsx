"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setFollowAction, type FollowState } from "@/lib/follows/actions";
import type { FollowTarget } from "@/lib/generated/prisma/enums";

/**
 * The form behind <FollowButton>: works without JavaScript (a plain form
 * post to the server action); with it, the state changes in place and a
 * polite live region says what happened.
 */
export function FollowToggle({
  targetType,
  targetId,
  initiallyFollowing,
  labels,
}: {
  targetType: FollowTarget;
  targetId: string;
  initiallyFollowing: boolean;
  labels: { follow: string; followingHint: string; followed: string; unfollowed: string };
}) {
  const tErrors = useTranslations("errors");
  const [state, dispatch, pending] = useActionState<FollowState, FormData>(setFollowAction, {
    following: initiallyFollowing,
    error: null,
  });

  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="follow-form">
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="intent" value={state.following ? "unfollow" : "follow"} />
      <button
        type="submit"
        aria-pressed={state.following}
        disabled={pending}
        className={
          state.following
            ? "inline-flex items-center gap-1 rounded border-2 border-brand bg-brand px-4 py-1.5 font-semibold text-white hover:bg-brand-dark disabled:opacity-70"
            : "inline-flex items-center gap-1 rounded border-2 border-brand bg-white px-4 py-1.5 font-semibold text-brand hover:bg-brand-light disabled:opacity-70"
        }
      >
        {state.following ? <span aria-hidden="true">✓</span> : <span aria-hidden="true">+</span>}
        {labels.follow}
      </button>
      {state.following ? <span className="text-sm text-slate-700">{labels.followingHint}</span> : null}
      <span role="status" className="text-sm font-semibold text-slate-900">
        {state.error
          ? tErrors.has(state.error)
            ? tErrors(state.error)
            : tErrors("unexpected")
          : state.changed
            ? state.following
              ? labels.followed
              : labels.unfollowed
            : null}
      </span>
    </form>
  );
}
