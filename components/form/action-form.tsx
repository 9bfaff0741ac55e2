"use client";

import { useTranslations } from "next-intl";
import { createContext, startTransition, useActionState, useContext, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";

type State = ActionResult<unknown> | null;
type FormContextValue = { state: State; pending: boolean };

const FormContext = createContext<FormContextValue>({ state: null, pending: false });

export function useFormState() {
  return useContext(FormContext);
}

/**
 * A form bound to a server action. Submitting goes through a transition
 * instead of the form's native reset-after-action, so a refused form keeps
 * everything the person typed. Errors are announced and focused.
 */
export function ActionForm({
  action,
  children,
  successMessage,
  resetOnSuccess = false,
  className,
  ...rest
}: {
  action: (previous: State, formData: FormData) => Promise<ActionResult<unknown>>;
  children: ReactNode;
  successMessage?: string;
  resetOnSuccess?: boolean;
  className?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}) {
  const t = useTranslations("errors");
  const [state, dispatch, pending] = useActionState<State, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!state) return;
    if (state.ok && resetOnSuccess) formRef.current?.reset();
    statusRef.current?.focus();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // A listener of the form's own held this submit back (the editor waits for its first autosave, then submits again).
    if (event.isDefaultPrevented()) return;
    event.preventDefault();
    // The submitter's name/value (e.g. intent=publish) belongs in the data, as in a native submit.
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  }

  return (
    <FormContext.Provider value={{ state, pending }}>
      <form ref={formRef} action={dispatch} onSubmit={onSubmit} noValidate className={className ?? "space-y-5"} {...rest}>
        <div ref={statusRef} tabIndex={-1} className="outline-none empty:hidden">
          {state && !state.ok ? (
            <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
              {t.has(state.error) ? t(state.error) : t("unexpected")}
            </p>
          ) : null}
          {state?.ok && successMessage ? (
            <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
              {successMessage}
            </p>
          ) : null}
        </div>
        {children}
      </form>
    </FormContext.Provider>
  );
}

/** The field's error messages from the last submission, translated. */
export function useFieldErrors(name: string): string[] {
  const t = useTranslations("errors");
  const { state } = useFormState();
  if (!state || state.ok) return [];
  return (state.fieldErrors?.[name] ?? []).map((key) => (t.has(key) ? t(key) : t("unexpected")));
}
