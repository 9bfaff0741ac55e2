import { getTranslations } from "next-intl/server";
import { MatrixLegend } from "@/components/koppelkansen/matrix-legend";
import { MatrixTable } from "@/components/koppelkansen/matrix-table";
import type { Matrix } from "@/lib/analytics/matrix-queries";

/** The koppelkansen matrix of the period (the matrix page's own table and legend); an empty period says so instead of a grid of zeros. */
export async function ReportMatrix({ matrix }: { matrix: Matrix }) {
  const t = await getTranslations("report.matrix");
  if (matrix.total === 0) return <p>{t("empty")}</p>;
  return (
    <div className="space-y-3">
      <MatrixTable matrix={matrix} />
      <MatrixLegend matrix={matrix} />
      <p className="text-sm text-slate-700">{t("total", { count: matrix.total })}</p>
    </div>
  );
}
