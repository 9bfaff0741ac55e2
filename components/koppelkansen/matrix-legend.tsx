import { useTranslations } from "next-intl";
import { scaleRanges, TOTAL_STEP, ZERO_STEP } from "@/lib/analytics/color-scale";
import type { Matrix } from "@/lib/analytics/matrix";

const swatch = "inline-block min-w-14 rounded border border-slate-300 px-2 py-0.5 text-center text-sm tabular-nums";

/** What the colours mean: the numbers each step stands for (colour is the second cue, the number the first). */
export function MatrixLegend({ matrix }: { matrix: Matrix }) {
  const t = useTranslations("koppelkansen.legend");
  return (
    <div className="space-y-2">
      <p className="text-sm">{t("intro")}</p>
      <ul className="flex flex-wrap gap-2" aria-label={t("label")}>
        <li>
          <span className={swatch} style={{ backgroundColor: ZERO_STEP.background, color: ZERO_STEP.text }}>
            0
          </span>
        </li>
        {scaleRanges(matrix.maxCell).map(({ step, from, to }) => (
          <li key={step.background}>
            <span className={swatch} style={{ backgroundColor: step.background, color: step.text }}>
              {from === to ? from : t("range", { from, to })}
            </span>
          </li>
        ))}
        <li>
          <span className={`${swatch} font-bold`} style={{ backgroundColor: TOTAL_STEP.background, color: TOTAL_STEP.text }}>
            {t(matrix.params.view === "opgaven" ? "diagonal" : "total")}
          </span>
        </li>
      </ul>
    </div>
  );
}
