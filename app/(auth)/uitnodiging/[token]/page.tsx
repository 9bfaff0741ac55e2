import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SsoButton } from "@/components/auth/sso-button";
import { getInvitationByToken } from "@/lib/accounts/service";
import { signInConfig } from "@/lib/accounts/sign-in-config";
import { AcceptInvitationForm } from "./accept-invitation-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitation"))("title") };
}

export default async function InvitationPage({ params }: PageProps<"/uitnodiging/[token]">) {
  const { token } = await params;
  const t = await getTranslations();
  const { state, invitation } = await getInvitationByToken(token);
  const { oidc, passwordSignIn } = signInConfig();
  if (!invitation) {
    return (
      <div className="mx-auto max-w-md space-y-6">
        <h1>{t("invitation.title")}</h1>
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {t(`invitation.${state === "valid" ? "unknown" : state}`)}
        </p>
        <p>
          <Link href="/inloggen">{t("invitation.toSignIn")}</Link>
        </p>
      </div>
    );
  }
  // With SSO the intro leaves out "choose your name and a password": the organisation's account may be all they need.
  const values = { role: t(`roles.${invitation.role}`).toLowerCase(), email: invitation.email };
  const intro = oidc
    ? invitation.municipality
      ? "ssoIntroMunicipality"
      : "ssoIntro"
    : invitation.municipality
      ? "introMunicipality"
      : "intro";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("invitation.title")}</h1>
      <p>{t(`invitation.${intro}`, { ...values, municipality: invitation.municipality?.name ?? "" })}</p>
      {oidc ? (
        <>
          <p>{t("invitation.ssoExplain", { email: invitation.email })}</p>
          <SsoButton label={t("invitation.ssoButton")} callbackPath="/" />
        </>
      ) : null}
      {passwordSignIn ? (
        <>
          {oidc ? <h2 className="border-t border-slate-300 pt-6">{t("invitation.passwordHeading")}</h2> : null}
          <AcceptInvitationForm token={token} />
        </>
      ) : null}
    </div>
  );
}
