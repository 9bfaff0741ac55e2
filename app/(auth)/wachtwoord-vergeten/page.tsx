import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/inloggen">{t("back")}</Link>
      </p>
    </div>
  );
}
