"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrors, useFormState } from "./action-form";

const controlClass =
  "block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

function FieldShell({
  id,
  label,
  hint,
  required,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  errors: string[];
  children: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
        {required ? null : <span className="font-normal text-slate-700"> ({t("optional")})</span>}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </div>
      ) : null}
      {errors.length ? (
        <div id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, hint: unknown, errors: string[]) {
  return [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({
  name,
  label,
  hint,
  required = true,
  ...input
}: { name: string; label: string; hint?: ReactNode; required?: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const id = useId();
  const errors = useFieldErrors(name);
  return (
    <FieldShell id={id} label={label} hint={hint} required={required} errors={errors}>
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={controlClass}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  required = true,
  options,
  placeholder,
  ...select
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  options: { value: string; label: string }[];
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const id = useId();
  const errors = useFieldErrors(name);
  return (
    <FieldShell id={id} label={label} hint={hint} required={required} errors={errors}>
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={controlClass}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function SubmitButton({ children, className }: { children: ReactNode; className?: string }) {
  const { pending } = useFormState();
  const t = useTranslations("common");
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className ?? buttonClass}>
      {pending ? t("saving") : children}
    </button>
  );
}

export const buttonClass =
  "inline-flex items-center rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70";
