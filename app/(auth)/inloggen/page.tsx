import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

const statuses = ["signedOut", "signedOutEverywhere", "sessionEnded", "passwordChanged", "accountCreated"] as const;

export default async function SignInPage({ searchParams }: PageProps<"/inloggen">) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  const t = await getTranslations("signIn");
  const status = statuses.find((value) => value === params.status);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1>{t("title")}</h1>
      {status ? (
        <p role="status" className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">
          {t(status)}
        </p>
      ) : null}
      <p>{t("intro")}</p>
      <SignInForm callbackPath={callbackPath} initialEmail={typeof params.email === "string" ? params.email : ""} />
    </div>
  );
}
