"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { buttonClass, dangerButtonClass } from "@/components/form/fields";
import type { ActionResult } from "@/lib/action-result";

type State = ActionResult<{ step: string }> | null;

export type Step = { step: string; label: string; danger?: boolean };

const secondaryClass =
  "inline-flex items-center rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand hover:bg-brand-light disabled:opacity-70";

/**
 * A few buttons that each take one step on an entry (accept / decline, or
 * publish / take out). The form stays in place while the page around it
 * changes, so it says which step went through and keeps the focus there.
 */
export function StepForm({
  action,
  fields,
  steps,
  done,
  label,
}: {
  action: (previous: State, formData: FormData) => Promise<ActionResult<{ step: string }>>;
  fields: Record<string, string>;
  steps: Step[];
  /** What to say after each step, by its name. */
  done: Record<string, string>;
  /** Names the group of buttons for screen readers. */
  label: string;
}) {
  const tErrors = useTranslations("errors");
  const [state, dispatch, pending] = useActionState<State, FormData>(action, null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state) statusRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  }

  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={label} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div ref={statusRef} tabIndex={-1} className="outline-none empty:hidden">
        {state && !state.ok ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {tErrors.has(state.error) ? tErrors(state.error) : tErrors("unexpected")}
          </p>
        ) : null}
        {state?.ok && done[state.data.step] ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
            {done[state.data.step]}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {steps.map((step, index) => (
          <button
            key={step.step}
            type="submit"
            name="step"
            value={step.step}
            disabled={pending}
            aria-disabled={pending}
            className={step.danger ? dangerButtonClass : index === 0 ? buttonClass : secondaryClass}
          >
            {step.label}
          </button>
        ))}
      </div>
    </form>
  );
}
