import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/session";
import { listTaxonomy } from "@/lib/taxonomy/queries";
import { TaxonomySection } from "./taxonomy-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.taxonomy"))("title") };
}

export default async function TaxonomyManagementPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("taxonomy:manage", "/beheer/taxonomie");
  const [t, opgaven, themes, { status }] = await Promise.all([
    getTranslations("admin.taxonomy"),
    listTaxonomy("opgave"),
    listTaxonomy("theme"),
    searchParams,
  ]);
  return (
    <div className="space-y-12">
      <div className="max-w-3xl space-y-2">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>{t("archiveExplained")}</p>
        {status === "merged" ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
            {t("merged")}
          </p>
        ) : null}
      </div>
      <TaxonomySection kind="opgave" items={opgaven} />
      <TaxonomySection kind="theme" items={themes} />
    </div>
  );
}
