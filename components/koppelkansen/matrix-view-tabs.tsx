import { useTranslations } from "next-intl";
import Link from "next/link";
import { matrixPageHref } from "@/lib/analytics/matrix-links";
import { MATRIX_VIEWS, type MatrixParams } from "@/lib/analytics/matrix-sql";

/** The two views as links (the URL holds the view), keeping the filters; the current one is marked for screen readers too. */
export function MatrixViewTabs({ params }: { params: MatrixParams }) {
  const t = useTranslations("koppelkansen.views");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2 border-b-2 border-slate-300">
        {MATRIX_VIEWS.map((view) => {
          const current = params.view === view;
          return (
            <li key={view}>
              <Link
                href={matrixPageHref({ ...params, view })}
                aria-current={current ? "page" : undefined}
                className={`-mb-0.5 inline-block border-b-4 px-4 py-2 font-semibold no-underline ${
                  current ? "border-brand text-slate-900" : "border-transparent hover:border-slate-400"
                }`}
              >
                {t(view)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
