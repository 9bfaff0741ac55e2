import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getInvitationByToken } from "@/lib/accounts/service";
import { AcceptInvitationForm } from "./accept-invitation-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitation"))("title") };
}

export default async function InvitationPage({ params }: PageProps<"/uitnodiging/[token]">) {
  const { token } = await params;
  const t = await getTranslations();
  const { state, invitation } = await getInvitationByToken(token);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("invitation.title")}</h1>
      {invitation ? (
        <>
          <p>
            {invitation.municipality
              ? t("invitation.introMunicipality", {
                  role: t(`roles.${invitation.role}`).toLowerCase(),
                  municipality: invitation.municipality.name,
                  email: invitation.email,
                })
              : t("invitation.intro", { role: t(`roles.${invitation.role}`).toLowerCase(), email: invitation.email })}
          </p>
          <AcceptInvitationForm token={token} />
        </>
      ) : (
        <>
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {t(`invitation.${state === "valid" ? "unknown" : state}`)}
          </p>
          <p>
            <Link href="/inloggen">{t("invitation.toSignIn")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
