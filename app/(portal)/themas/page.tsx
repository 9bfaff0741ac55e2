import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/session";
import { listTaxonomy } from "@/lib/taxonomy/queries";
import { TaxonomyIndex } from "../opgaven/taxonomy-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("taxonomy.themes"))("title") };
}

export default async function ThemesPage() {
  await requirePermission("portal:read", "/themas");
  return <TaxonomyIndex kind="theme" items={await listTaxonomy("theme", { locale: await getLocale() })} />;
}
