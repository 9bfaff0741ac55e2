import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SsoButton } from "@/components/auth/sso-button";
import { readBlockNotice } from "@/lib/accounts/block-notice";
import { isSsoProblem, type SsoProblem } from "@/lib/accounts/oidc-errors";
import { BLOCK_NOTICE_COOKIE } from "@/lib/accounts/oidc-sign-in";
import { signInConfig } from "@/lib/accounts/sign-in-config";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";
import { SignInForm } from "./sign-in-form";
import { SsoNotice } from "./sso-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

const statuses = ["signedOut", "signedOutEverywhere", "sessionEnded", "passwordChanged", "accountCreated"] as const;

/** next-auth's own error codes for an OAuth step (its error page is this page); our route names the problem as ?sso= instead. */
const OAUTH_ERRORS = new Set(["OAuthSignin", "OAuthCallback", "OAuthCreateAccount", "OAuthAccountNotLinked", "Callback", "AccessDenied"]);

function ssoProblem(params: Record<string, string | string[] | undefined>): SsoProblem | null {
  if (isSsoProblem(params.sso)) return params.sso;
  return typeof params.error === "string" && OAUTH_ERRORS.has(params.error) ? "failed" : null;
}

export default async function SignInPage({ searchParams }: PageProps<"/inloggen">) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  const t = await getTranslations("signIn");
  const { oidc, passwordSignIn } = signInConfig();
  const status = statuses.find((value) => value === params.status);
  const problem = ssoProblem(params);
  const notice = problem === "blocked" ? await readBlockNotice((await cookies()).get(BLOCK_NOTICE_COOKIE)?.value) : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("title")}</h1>
      {status ? (
        <p role="status" className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">
          {t(status)}
        </p>
      ) : null}
      <p>{t(passwordSignIn ? "intro" : "introSsoOnly")}</p>
      {problem ? <SsoNotice problem={problem} notice={notice} /> : null}
      {oidc ? <SsoButton label={oidc.buttonLabel ?? t("ssoButton")} callbackPath={callbackPath} /> : null}
      {passwordSignIn ? (
        <>
          {oidc ? <p className="border-t border-slate-300 pt-6 font-semibold">{t("ssoOr")}</p> : null}
          <SignInForm callbackPath={callbackPath} initialEmail={typeof params.email === "string" ? params.email : ""} />
        </>
      ) : null}
    </div>
  );
}
