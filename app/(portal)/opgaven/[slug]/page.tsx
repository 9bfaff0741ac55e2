import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { FollowButton } from "@/components/follows/follow-button";
import { can } from "@/lib/policy/permissions";
import { slugParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";
import { findMovedTaxonomySlug, getTaxonomyPage } from "@/lib/taxonomy/queries";
import { TaxonomyDetail } from "../taxonomy-views";

// Metadata and page share one query per request.
const loadOpgave = cache(async (slug: string) => getTaxonomyPage("opgave", slug, await getLocale()));

export async function generateMetadata({ params }: PageProps<"/opgaven/[slug]">): Promise<Metadata> {
  if (!can(await getCurrentUser(), "portal:read")) return {};
  const opgave = await loadOpgave(slugParam((await params).slug));
  return { title: opgave?.name ?? (await getTranslations("notFound"))("title") };
}

export default async function OpgavePage({ params }: PageProps<"/opgaven/[slug]">) {
  const slug = slugParam((await params).slug);
  await requirePermission("portal:read", `/opgaven/${encodeURIComponent(slug)}`);
  const opgave = await loadOpgave(slug);
  if (!opgave) {
    // An old address (renamed or merged) still arrives; not permanent, as the slug may be given out again.
    const moved = await findMovedTaxonomySlug("opgave", slug);
    if (moved) redirect(`/opgaven/${encodeURIComponent(moved)}`);
    notFound();
  }
  return (
    <TaxonomyDetail kind="opgave" item={opgave} actions={<FollowButton targetType="OPGAVE" targetId={opgave.id} name={opgave.name} />} />
  );
}
