"use client";

import { useId } from "react";
import { useFieldErrors } from "@/components/form/action-form";

/** A checkbox inside an ActionForm, with its hint and the field errors of the last submission tied to it. */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const id = useId();
  const errors = useFieldErrors(name);
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy}
          className="mt-1 size-5 shrink-0 accent-brand"
        />
        <label htmlFor={id} className="font-semibold text-slate-900">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="pl-8 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <div id={`${id}-error`} className="pl-8 text-sm font-semibold text-red-800">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
