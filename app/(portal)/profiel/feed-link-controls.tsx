"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { createFeedTokenAction, revokeFeedTokenAction } from "@/lib/feeds/actions";

type State = { kind: "created"; url: string } | { kind: "revoked" } | { kind: "error"; error: string } | null;

/**
 * Make a new feed link (shown once, here) or revoke it. One state for both
 * buttons, so a revoked link is never still on screen.
 */
export function FeedLinkControls({ hasFeed }: { hasFeed: boolean }) {
  const t = useTranslations("profile.feed");
  const tErrors = useTranslations("errors");
  const linkId = useId();
  const statusRef = useRef<HTMLDivElement>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (_previous, formData) => {
    if (formData.get("intent") === "revoke") {
      const result = await revokeFeedTokenAction(null, formData);
      return result.ok ? { kind: "revoked" } : { kind: "error", error: result.error };
    }
    const result = await createFeedTokenAction(null, formData);
    return result.ok ? { kind: "created", url: result.data.url } : { kind: "error", error: result.error };
  }, null);

  useEffect(() => {
    if (state) statusRef.current?.focus();
  }, [state]);

  const button = "inline-flex items-center rounded px-4 py-2 font-semibold disabled:opacity-70";
  return (
    <div className="space-y-4">
      <div ref={statusRef} tabIndex={-1} className="outline-none empty:hidden">
        {state?.kind === "error" ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {tErrors.has(state.error) ? tErrors(state.error) : tErrors("unexpected")}
          </p>
        ) : null}
        {state?.kind === "revoked" ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
            {t("revoked")}
          </p>
        ) : null}
        {state?.kind === "created" ? (
          <div role="status" className="space-y-2 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
            <p className="font-semibold">{t("created")}</p>
            <label htmlFor={linkId} className="block font-semibold">
              {t("link")}
            </label>
            <input
              id={linkId}
              type="text"
              readOnly
              value={state.url}
              onFocus={(event) => event.currentTarget.select()}
              className="block w-full rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm text-slate-900"
            />
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <form action={dispatch}>
          <input type="hidden" name="intent" value="create" />
          <button type="submit" disabled={pending} className={`${button} bg-brand text-white hover:bg-brand-dark`}>
            {hasFeed ? t("createAgain") : t("create")}
          </button>
        </form>
        {hasFeed ? (
          <form action={dispatch}>
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" disabled={pending} className={`${button} border border-red-800 text-red-800 hover:bg-red-50`}>
              {t("revoke")}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
