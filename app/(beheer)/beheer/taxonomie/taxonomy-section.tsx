import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import type { TaxonomyListItem } from "@/lib/taxonomy/queries";
import type { TaxonomyKind } from "@/lib/taxonomy/schema";
import { MoveControls } from "./move-controls";
import { ArchiveToggle, TaxonomyForm } from "./taxonomy-forms";

// One list (opgaven or themes) on the management page: its order, counts and
// controls, and the form that adds to it.

/** The URL segments of the lists, here and on the readers' side. */
export const KIND_SEGMENT = { opgave: "opgaven", theme: "themas" } as const satisfies Record<TaxonomyKind, string>;

const linkButton = "rounded border border-slate-600 px-3 py-1 text-sm font-semibold text-slate-900 no-underline hover:bg-slate-100";

const TEXT = {
  opgave: { heading: "opgaven", caption: "opgavenCaption", empty: "noOpgaven", add: "addOpgave" },
  theme: { heading: "themes", caption: "themesCaption", empty: "noThemes", add: "addTheme" },
} as const;

export async function TaxonomySection({ kind, items }: { kind: TaxonomyKind; items: TaxonomyListItem[] }) {
  const t = await getTranslations("admin.taxonomy");
  const text = TEXT[kind];
  const activeCount = items.filter((item) => !item.archivedAt).length;
  return (
    <section aria-labelledby={`list-${kind}`} className="space-y-4">
      <h2 id={`list-${kind}`}>{t(text.heading)}</h2>
      {items.length === 0 ? (
        <p>{t(text.empty)}</p>
      ) : (
        <SimpleTable
          caption={t(text.caption)}
          headers={[
            { label: t("name") },
            { label: t("publishedUpdates"), className: "text-right" },
            { label: t("status") },
            { label: t("order") },
            { label: t("actions"), visuallyHidden: true },
          ]}
        >
          {items.map((item, index) => (
            <tr key={item.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 font-semibold">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: item.color }} />
                  <Link href={`/${KIND_SEGMENT[kind]}/${encodeURIComponent(item.slug)}`}>{item.name}</Link>
                </span>
              </th>
              <td className="p-2 text-right tabular-nums">{item.updateCount}</td>
              <td className="p-2">{item.archivedAt ? t("archived") : t("active")}</td>
              <td className="p-2">
                {item.archivedAt ? (
                  <span aria-hidden="true">—</span>
                ) : (
                  <MoveControls kind={kind} id={item.id} name={item.name} first={index === 0} last={index === activeCount - 1} />
                )}
              </td>
              <td className="p-2">
                <div className="flex flex-wrap items-start gap-2">
                  <Link href={`/beheer/taxonomie/${KIND_SEGMENT[kind]}/${item.id}`} className={linkButton}>
                    <span aria-hidden="true">{t("edit")}</span>
                    <span className="sr-only">{t("editLabel", { name: item.name })}</span>
                  </Link>
                  <ArchiveToggle
                    kind={kind}
                    id={item.id}
                    archived={item.archivedAt !== null}
                    label={t(item.archivedAt ? "unarchiveLabel" : "archiveLabel", { name: item.name })}
                  />
                </div>
              </td>
            </tr>
          ))}
        </SimpleTable>
      )}
      <section aria-labelledby={`add-${kind}`} className="max-w-xl space-y-4 rounded border border-slate-300 bg-white p-4">
        <h3 id={`add-${kind}`} className="text-lg font-semibold">
          {t(text.add)}
        </h3>
        <TaxonomyForm kind={kind} label={t(text.add)} />
      </section>
    </section>
  );
}
