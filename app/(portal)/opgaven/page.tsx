import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/session";
import { listTaxonomy } from "@/lib/taxonomy/queries";
import { TaxonomyIndex } from "./taxonomy-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("taxonomy.opgaven"))("title") };
}

export default async function OpgavenPage() {
  await requirePermission("portal:read", "/opgaven");
  return <TaxonomyIndex kind="opgave" items={await listTaxonomy("opgave", { locale: await getLocale() })} />;
}
