"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/form/fields";

/** Starts single sign-on: next-auth sets the state, nonce and PKCE cookies and sends the browser to the identity provider. */
export function SsoButton({ label, callbackPath }: { label: string; callbackPath: string }) {
  const t = useTranslations("signIn");
  const [pending, setPending] = useState(false);

  function start() {
    setPending(true);
    signIn("oidc", { callbackUrl: callbackPath }).catch(() => setPending(false));
  }

  return (
    <button type="button" className={buttonClass} disabled={pending} onClick={start} data-testid="sso-button">
      {pending ? t("ssoPending") : label}
    </button>
  );
}
