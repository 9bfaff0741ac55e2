"use client";

import { useTranslations } from "next-intl";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useFieldErrors, useFormState } from "./action-form";

const controlClass =
  "block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

/** A field's errors, read out with it (aria-describedby `${id}-error`); nothing without errors. */
export function FieldErrors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (!errors.length) return null;
  return (
    <div id={`${id}-error`} className="text-sm font-semibold text-red-800">
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}

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
      <FieldErrors id={id} errors={errors} />
      {children}
    </div>
  );
}

type FieldProps = { name: string; label: string; hint?: ReactNode; required?: boolean };

/** What every control in a field shares: its id, its errors, and the attributes that tie them together. */
function useControl({ name, hint, required = true }: FieldProps) {
  const id = useId();
  const errors = useFieldErrors(name);
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return {
    errors,
    control: {
      id,
      name,
      required,
      "aria-invalid": errors.length > 0 || undefined,
      "aria-describedby": describedBy,
      className: controlClass,
    },
  };
}

export function TextField({
  name,
  label,
  hint,
  required = true,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const { errors, control } = useControl({ name, label, hint, required });
  return (
    <FieldShell id={control.id} label={label} hint={hint} required={required} errors={errors}>
      <input {...control} {...input} />
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  required = true,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const { errors, control } = useControl({ name, label, hint, required });
  return (
    <FieldShell id={control.id} label={label} hint={hint} required={required} errors={errors}>
      <textarea {...control} {...textarea} />
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
}: FieldProps & { options: { value: string; label: string }[]; placeholder?: string } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name" | "id"
  >) {
  const { errors, control } = useControl({ name, label, hint, required });
  return (
    <FieldShell id={control.id} label={label} hint={hint} required={required} errors={errors}>
      <select {...control} {...select}>
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

/** A button that removes or withdraws something. */
export const dangerButtonClass =
  "inline-flex items-center rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-70";

export const buttonClass =
  "inline-flex items-center rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70";
