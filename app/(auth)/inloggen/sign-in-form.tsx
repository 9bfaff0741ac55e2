"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/form/fields";
import { blockNoticeAction } from "@/lib/accounts/actions";
import type { BlockNotice } from "@/lib/accounts/block-notice";
import { BlockDetails } from "./block-details";

/** Errors the form can name (lib/auth.ts throws them); anything else is "wrong email or password". AccountBlocked may carry a notice token after a colon. */
const knownErrors = ["CredentialsSignin", "AccountBlocked", "RateLimited", "PasswordSignInOff"];

/** next-auth's error code, and the notice token a blocked sign-in with the right password carries after a colon. */
function splitError(code: string | null | undefined): { error: string; token: string | null } {
  const [error = "", token = null] = (code ?? "").split(/:(.*)/s);
  return { error: knownErrors.includes(error) ? error : "default", token: error === "AccountBlocked" ? token : null };
}

export function SignInForm({ callbackPath, initialEmail }: { callbackPath: string; initialEmail: string }) {
  const t = useTranslations("signIn");
  const common = useTranslations("common");
  const errorsT = useTranslations("errors.signIn");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<BlockNotice | null>(null);
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setNotice(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full navigation, so the server renders the header for the new session.
      window.location.assign(callbackPath);
      return;
    }
    const { error: code, token } = splitError(result?.error);
    // Fetched before the alert appears, so it is announced once and whole.
    setNotice(token ? await blockNoticeAction(token).catch(() => null) : null);
    setPending(false);
    setError(code);
  }

  // Focus the error once it is on the page (a requestAnimationFrame could run before React rendered it).
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  return (
    // method="post": submitted before the script has loaded, the plain form must not put the password in the URL.
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" className="sr-only">
        {t("title")}
      </h2>
      {error ? (
        <p ref={alertRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {errorsT(error)}
          {error === "AccountBlocked" && notice ? <BlockDetails notice={notice} /> : null}
        </p>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="email" className="block font-semibold">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={initialEmail}
          className="block w-full rounded border border-slate-500 px-3 py-2"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-semibold">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="block w-full rounded border border-slate-500 px-3 py-2"
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? common("saving") : t("submit")}
        </button>
        <Link href="/wachtwoord-vergeten">{t("forgot")}</Link>
      </div>
    </form>
  );
}
