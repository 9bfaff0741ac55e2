import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { isPasswordSignInEnabled } from "@/lib/accounts/sign-in-config";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("forgotPassword.title")}</h1>
      {isPasswordSignInEnabled() ? (
        <>
          <p>{t("forgotPassword.intro")}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p role="status" className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">
          {t("signIn.passwordOffNotice")}
        </p>
      )}
      <p>
        <Link href="/inloggen">{t("forgotPassword.back")}</Link>
      </p>
    </div>
  );
}
