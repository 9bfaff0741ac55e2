import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getPasswordResetState } from "@/lib/accounts/service";
import { isPasswordSignInEnabled } from "@/lib/accounts/sign-in-config";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resetPassword"))("title") };
}

export default async function ResetPasswordPage({ params }: PageProps<"/wachtwoord-herstellen/[token]">) {
  const { token } = await params;
  const t = await getTranslations("resetPassword");
  if (!isPasswordSignInEnabled()) {
    return (
      <div className="mx-auto max-w-md space-y-6">
        <h1>{t("title")}</h1>
        <p role="status" className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">
          {(await getTranslations("signIn"))("passwordOffNotice")}
        </p>
        <p>
          <Link href="/inloggen">{(await getTranslations("forgotPassword"))("back")}</Link>
        </p>
      </div>
    );
  }
  const state = await getPasswordResetState(token);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("title")}</h1>
      {state === "valid" ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {t(state)}
          </p>
          <p>
            <Link href="/wachtwoord-vergeten">{t("requestNew")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
