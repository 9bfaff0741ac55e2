import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeletionConsequences } from "@/components/privacy/deletion-consequences";
import { isOnlyActiveAdmin } from "@/lib/privacy/queries";
import { requirePermission } from "@/lib/session";
import { DeleteAccountForm } from "./delete-account-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy.delete"))("title") };
}

/** The separate confirmation page for deleting one's own account (linked from the profile). */
export default async function DeleteAccountPage() {
  const user = await requirePermission("portal:read", "/profiel/account-verwijderen");
  const [t, onlyAdmin] = await Promise.all([getTranslations("privacy.delete"), isOnlyActiveAdmin(user.id)]);
  return (
    <div className="max-w-3xl space-y-8">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="what-happens" className="space-y-3">
        <h2 id="what-happens">{t("whatHappens")}</h2>
        <DeletionConsequences />
      </section>
      <p className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">
        {t("downloadFirst")}{" "}
        <a href="/profiel/gegevens/download" download>
          {t("download")}
        </a>
      </p>
      {onlyAdmin ? (
        <p role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 font-semibold">
          {t("lastAdmin")}
        </p>
      ) : (
        <DeleteAccountForm />
      )}
    </div>
  );
}
