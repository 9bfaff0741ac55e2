"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, type MouseEvent } from "react";

const stayButtonClass =
  "inline-flex items-center rounded border-2 border-brand bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark";
const leaveButtonClass =
  "inline-flex items-center rounded border-2 border-red-800 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50";

/**
 * "Annuleren" that asks first while there are unsaved changes, in a native
 * modal dialog: it traps focus, Escape closes it, and focus goes back to the
 * link.
 */
export function LeaveLink({
  href,
  dirty,
  onLeave,
  children,
  className,
}: {
  href: string;
  dirty: boolean;
  /** Called before leaving without saving (forgets the kept copy). */
  onLeave: () => void;
  children: string;
  className?: string;
}) {
  const t = useTranslations("autosave");
  const router = useRouter();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (!dirty) return;
    event.preventDefault();
    dialogRef.current?.showModal();
  }

  function leave() {
    onLeave();
    dialogRef.current?.close();
    router.push(href);
  }

  return (
    <>
      <Link href={href} onClick={onClick} className={className}>
        {children}
      </Link>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-heading`}
        aria-describedby={`${id}-text`}
        className="m-auto max-w-md rounded border border-slate-400 bg-white p-6 text-slate-900 shadow-lg backdrop:bg-slate-900/50"
      >
        <h2 id={`${id}-heading`} className="text-xl font-semibold">
          {t("leaveHeading")}
        </h2>
        <p id={`${id}-text`} className="mt-2">
          {t("leaveText")}
        </p>
        <div className="mt-5 flex flex-wrap gap-3">
          {/* The first button: showModal puts focus on it, so Enter keeps the text. */}
          <button type="button" onClick={() => dialogRef.current?.close()} className={stayButtonClass}>
            {t("stay")}
          </button>
          <button type="button" onClick={leave} className={leaveButtonClass}>
            {t("leave")}
          </button>
        </div>
      </dialog>
    </>
  );
}
