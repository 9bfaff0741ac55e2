import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import type { TaxonomyKind, TaxonomyListItem, TaxonomyPage } from "@/lib/taxonomy/queries";
import { UpdateTimeline } from "../experimenten/update-timeline";

// The opgaven and themes pages share their layout; `kind` picks the texts and addresses.

const PATH: Record<TaxonomyKind, string> = { opgave: "/opgaven", theme: "/themas" };
const TABLE_PARAM: Record<TaxonomyKind, string> = { opgave: "opgave", theme: "theme" };
const MESSAGES: Record<TaxonomyKind, "opgaven" | "themes"> = { opgave: "opgaven", theme: "themes" };

export function taxonomyHref(kind: TaxonomyKind, slug: string): string {
  return `${PATH[kind]}/${encodeURIComponent(slug)}`;
}

export function taxonomyTableHref(kind: TaxonomyKind, slug: string): string {
  return `/updates?${new URLSearchParams({ [TABLE_PARAM[kind]]: slug }).toString()}`;
}

/** A colour tag (the same look as TagList), as a heading badge. */
function ColourTag({ name, color }: { name: string; color: string }) {
  return (
    <span className="inline-block rounded-full px-3 py-1 text-sm font-semibold text-white" style={{ backgroundColor: color }}>
      {name}
    </span>
  );
}

/** The list page: every opgave or theme, archived ones marked, with counts. */
export async function TaxonomyIndex({ kind, items }: { kind: TaxonomyKind; items: TaxonomyListItem[] }) {
  const [t, tKind] = await Promise.all([getTranslations("taxonomy"), getTranslations(`taxonomy.${MESSAGES[kind]}`)]);
  return (
    <div className="space-y-6">
      <h1>{tKind("title")}</h1>
      <p>{tKind("intro")}</p>
      {items.length === 0 ? (
        <p>{tKind("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">{tKind("caption")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">
                  {t("name")}
                </th>
                <th scope="col" className="p-2">
                  {t("description")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("publishedUpdates")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-semibold">
                    <span className="flex items-center gap-2">
                      <span
                        aria-hidden="true"
                        className="inline-block h-3 w-3 shrink-0 rounded-full"
                        style={{ backgroundColor: item.color }}
                      />
                      <Link href={taxonomyHref(kind, item.slug)}>{item.name}</Link>
                    </span>
                    {item.archivedAt ? <span className="ml-5 block text-sm font-normal text-slate-700">({t("archived")})</span> : null}
                  </th>
                  <td className="p-2">{item.description || <span className="text-slate-700">—</span>}</td>
                  <td className="p-2 text-right tabular-nums">{item.updateCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/**
 * The page of one opgave or theme: description, tag, count and its newest published updates.
 * `actions` (e.g. the follow button) stands right under the heading.
 */
export async function TaxonomyDetail({ kind, item, actions }: { kind: TaxonomyKind; item: TaxonomyPage; actions?: ReactNode }) {
  const [t, tKind] = await Promise.all([getTranslations("taxonomy"), getTranslations(`taxonomy.${MESSAGES[kind]}`)]);
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Breadcrumbs items={[{ nav: MESSAGES[kind], href: PATH[kind] }, { label: item.name }]} />
        <h1>{item.name}</h1>
        {actions}
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-semibold text-slate-800">{tKind("kind")}:</span>
          <ColourTag name={item.name} color={item.color} />
          {item.archivedAt ? (
            <span className="inline-block rounded border border-slate-600 px-2 py-0.5 text-sm font-semibold text-slate-800">
              {t("archived")}
            </span>
          ) : null}
        </p>
        {item.archivedAt ? <p className="rounded border-l-4 border-slate-600 bg-slate-100 px-4 py-3">{tKind("archivedNote")}</p> : null}
        {item.description ? <p className="max-w-3xl text-lg">{item.description}</p> : null}
      </div>

      <section aria-labelledby="updates" className="space-y-4">
        <h2 id="updates">{t("updates")}</h2>
        <p>
          {t("updateCount", { count: item.updateCount })}
          {item.updateCount > item.updates.length ? ` ${t("showingNewest", { count: item.updates.length })}` : ""}
        </p>
        {item.updates.length ? <UpdateTimeline updates={item.updates} /> : <p>{tKind("noUpdates")}</p>}
        <p>
          <Link href={taxonomyTableHref(kind, item.slug)}>{tKind("tableLink")}</Link>
        </p>
      </section>
    </div>
  );
}
