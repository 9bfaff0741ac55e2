"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { moveTaxonomyAction } from "@/lib/taxonomy/actions";
import type { TaxonomyKind } from "@/lib/taxonomy/schema";

type State = ActionResult<{ position: number }> | null;
type Direction = "up" | "down";

const button = "rounded border border-slate-600 px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70";

/**
 * "Omhoog"/"Omlaag" for one row. The row moves after a click, so the focus is
 * put back on the button that was used (or the other one at the end of the
 * list) and the new order is announced. Without JavaScript it is a plain form.
 */
export function MoveControls({
  kind,
  id,
  name,
  first,
  last,
}: {
  kind: TaxonomyKind;
  id: string;
  name: string;
  first: boolean;
  last: boolean;
}) {
  const t = useTranslations("admin.taxonomy");
  const tErrors = useTranslations("errors");
  const [state, dispatch, pending] = useActionState<State, FormData>(moveTaxonomyAction, null);
  const buttons = useRef<Record<Direction, HTMLButtonElement | null>>({ up: null, down: null });
  const used = useRef<Direction>("up");

  useEffect(() => {
    if (!state?.ok) return;
    const other = used.current === "up" ? "down" : "up";
    (buttons.current[used.current] ?? buttons.current[other])?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    used.current = submitter instanceof HTMLButtonElement && submitter.value === "down" ? "down" : "up";
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }

  const control = (direction: Direction, hidden: boolean) =>
    hidden ? (
      <span className="inline-block w-20" />
    ) : (
      <button
        type="submit"
        name="direction"
        value={direction}
        disabled={pending}
        ref={(element) => {
          buttons.current[direction] = element;
        }}
        className={button}
      >
        <span aria-hidden="true">{direction === "up" ? `↑ ${t("moveUp")}` : `↓ ${t("moveDown")}`}</span>
        <span className="sr-only">{t(direction === "up" ? "moveUpLabel" : "moveDownLabel", { name })}</span>
      </button>
    );

  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      {control("up", first)}
      {control("down", last)}
      <p role="status" className="sr-only">
        {state?.ok ? t("moved", { name, position: state.data.position }) : ""}
      </p>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm font-semibold text-red-800">
          {tErrors.has(state.error) ? tErrors(state.error) : tErrors("unexpected")}
        </p>
      ) : null}
    </form>
  );
}
