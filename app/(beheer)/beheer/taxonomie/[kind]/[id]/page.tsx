import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { idParam } from "@/lib/route-params";
import { requirePermission } from "@/lib/session";
import { getTaxonomyForEdit } from "@/lib/taxonomy/queries";
import type { TaxonomyKind } from "@/lib/taxonomy/schema";
import { ArchiveToggle, MergeForm, TaxonomyForm } from "../../taxonomy-forms";
import { KIND_SEGMENT } from "../../taxonomy-section";

type Params = { params: Promise<{ kind: string; id: string }> };

/** The list a URL segment names ("opgaven", "themas"), or the not-found page. */
function kindParam(segment: string): TaxonomyKind {
  const kind = (Object.keys(KIND_SEGMENT) as TaxonomyKind[]).find((key) => KIND_SEGMENT[key] === segment);
  if (!kind) notFound();
  return kind;
}

const TITLE = { opgave: "editOpgaveTitle", theme: "editThemeTitle" } as const;
const HEADING = { opgave: "editOpgave", theme: "editTheme" } as const;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const kind = kindParam((await params).kind);
  return { title: (await getTranslations("admin.taxonomy"))(TITLE[kind]) };
}

export default async function EditTaxonomyPage({ params }: Params) {
  const { kind: segment, id: rawId } = await params;
  const kind = kindParam(segment);
  const id = idParam(rawId);
  const actor = await requirePermission("taxonomy:manage", `/beheer/taxonomie/${segment}/${id}`);
  const item = await getTaxonomyForEdit(actor, kind, id);
  if (!item) notFound();
  const [t, format] = await Promise.all([getTranslations("admin.taxonomy"), getFormatter()]);
  const heading = t(HEADING[kind], { name: item.name });
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <Breadcrumbs items={[{ nav: "admin" }, { nav: "taxonomy", href: "/beheer/taxonomie" }, { label: item.name }]} />
        <h1>{heading}</h1>
        <p>{t("usage", { updates: item.updateCount, follows: item.followCount })}</p>
        <p>
          <Link href={`/${KIND_SEGMENT[kind]}/${encodeURIComponent(item.slug)}`}>{t("viewPage")}</Link>
        </p>
      </div>

      <section aria-labelledby="details" className="max-w-xl space-y-4">
        <h2 id="details">{t("details")}</h2>
        <TaxonomyForm
          kind={kind}
          item={{
            id: item.id,
            name: item.name,
            nameEn: item.nameEn,
            slug: item.slug,
            description: item.description,
            descriptionEn: item.descriptionEn,
            color: item.color,
          }}
          label={heading}
        />
      </section>

      <section aria-labelledby="archive" className="max-w-xl space-y-3">
        <h2 id="archive">{t("archiveHeading")}</h2>
        <p>{item.archivedAt ? t("archivedSince", { date: format.dateTime(item.archivedAt, { dateStyle: "long" }) }) : t("activeNow")}</p>
        <p>{t("archiveExplained")}</p>
        <ArchiveToggle
          kind={kind}
          id={item.id}
          archived={item.archivedAt !== null}
          label={t(item.archivedAt ? "unarchiveLabel" : "archiveLabel", { name: item.name })}
        />
      </section>

      <section aria-labelledby="merge" className="max-w-xl space-y-3 rounded border border-red-800 bg-white p-4">
        <h2 id="merge">{t("mergeHeading")}</h2>
        <p>{t("mergeIntro", { name: item.name })}</p>
        {item.mergeTargets.length === 0 ? (
          <p>{t("mergeNoTargets")}</p>
        ) : (
          <MergeForm kind={kind} item={{ id: item.id, name: item.name }} targets={item.mergeTargets} />
        )}
      </section>
    </div>
  );
}
