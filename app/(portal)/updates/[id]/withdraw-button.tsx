"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ActionForm, useFormState } from "@/components/form/action-form";
import { dangerButtonClass } from "@/components/form/fields";
import { withdrawUpdateAction } from "@/lib/updates/actions";

const buttonClass =
  "inline-flex items-center rounded border-2 border-red-800 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70";
const cancelClass =
  "inline-flex items-center rounded border border-slate-600 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100";

/**
 * "Intrekken" with a confirm step on the page itself (no window.confirm):
 * the first button asks, "Ja, intrekken" does it.
 */
export function WithdrawButton({ updateId }: { updateId: string }) {
  const t = useTranslations("update.page");
  return (
    <ActionForm action={withdrawUpdateAction} aria-label={t("withdrawForm")} className="space-y-3">
      <input type="hidden" name="updateId" value={updateId} />
      <WithdrawControls />
    </ActionForm>
  );
}

function WithdrawControls() {
  const t = useTranslations("update.page");
  const common = useTranslations("common");
  const { pending } = useFormState();
  const [confirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  // Move focus with the step: to the question when it appears, back to the button when cancelled.
  useEffect(() => {
    if (!moved.current) return;
    if (confirming) questionRef.current?.focus();
    else startRef.current?.focus();
  }, [confirming]);

  function step(next: boolean) {
    moved.current = true;
    setConfirming(next);
  }

  if (!confirming) {
    return (
      <button ref={startRef} type="button" onClick={() => step(true)} className={buttonClass}>
        {t("withdraw")}
      </button>
    );
  }
  return (
    <div className="space-y-3 rounded border-l-4 border-red-800 bg-red-50 px-4 py-3">
      <p ref={questionRef} tabIndex={-1} className="outline-none">
        {t("withdrawConfirm")}
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} aria-disabled={pending} className={dangerButtonClass}>
          {pending ? common("saving") : t("withdrawYes")}
        </button>
        <button type="button" onClick={() => step(false)} className={cancelClass}>
          {common("cancel")}
        </button>
      </div>
    </div>
  );
}
