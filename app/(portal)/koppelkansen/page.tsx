import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MatrixFilters } from "@/components/koppelkansen/matrix-filters";
import { MatrixLegend } from "@/components/koppelkansen/matrix-legend";
import { MatrixTable } from "@/components/koppelkansen/matrix-table";
import { MatrixViewTabs } from "@/components/koppelkansen/matrix-view-tabs";
import { matrixPageHref } from "@/lib/analytics/matrix-links";
import { isReversedPeriod, parseMatrixParams } from "@/lib/analytics/matrix-params";
import { getMatrix, listMatrixThemes } from "@/lib/analytics/matrix-queries";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("koppelkansen"))("title") };
}

export default async function KoppelkansenPage({ searchParams }: PageProps<"/koppelkansen">) {
  const params = parseMatrixParams(await searchParams);
  await requirePermission("portal:read", matrixPageHref(params));
  const reversed = isReversedPeriod(params);
  const locale = await getLocale();
  const [t, themes, matrix] = await Promise.all([
    getTranslations("koppelkansen"),
    listMatrixThemes(locale),
    reversed ? null : getMatrix(params, locale),
  ]);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>{t("heading")}</h1>
        <p className="max-w-prose">{t("intro")}</p>
      </div>
      <MatrixViewTabs params={params} />
      <p className="max-w-prose">{t(params.view === "opgaven" ? "howToOpgaven" : "howToThemes")}</p>
      <MatrixFilters params={matrix?.params ?? params} themes={themes} />

      {reversed ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3">
          {t("reversedPeriod")}
        </p>
      ) : !matrix || matrix.total === 0 ? (
        <p role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {t("empty")}
        </p>
      ) : (
        <div className="space-y-4">
          <MatrixTable matrix={matrix} />
          <MatrixLegend matrix={matrix} />
          <p className="text-sm text-slate-700">{t("basedOn", { measure: matrix.params.measure, count: matrix.total })}</p>
        </div>
      )}
    </div>
  );
}
