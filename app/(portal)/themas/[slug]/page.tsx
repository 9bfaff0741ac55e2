import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { FollowButton } from "@/components/follows/follow-button";
import { can } from "@/lib/policy/permissions";
import { slugParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";
import { findMovedTaxonomySlug, getTaxonomyPage } from "@/lib/taxonomy/queries";
import { TaxonomyDetail } from "../../opgaven/taxonomy-views";

// Metadata and page share one query per request.
const loadTheme = cache(async (slug: string) => getTaxonomyPage("theme", slug, await getLocale()));

export async function generateMetadata({ params }: PageProps<"/themas/[slug]">): Promise<Metadata> {
  if (!can(await getCurrentUser(), "portal:read")) return {};
  const theme = await loadTheme(slugParam((await params).slug));
  return { title: theme?.name ?? (await getTranslations("notFound"))("title") };
}

export default async function ThemePage({ params }: PageProps<"/themas/[slug]">) {
  const slug = slugParam((await params).slug);
  await requirePermission("portal:read", `/themas/${encodeURIComponent(slug)}`);
  const theme = await loadTheme(slug);
  if (!theme) {
    // An old address (renamed or merged) still arrives; not permanent, as the slug may be given out again.
    const moved = await findMovedTaxonomySlug("theme", slug);
    if (moved) redirect(`/themas/${encodeURIComponent(moved)}`);
    notFound();
  }
  return <TaxonomyDetail kind="theme" item={theme} actions={<FollowButton targetType="THEME" targetId={theme.id} name={theme.name} />} />;
}
