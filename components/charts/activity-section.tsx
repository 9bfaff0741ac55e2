import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { isQuiet, type ActivityOpgave, type ActivitySeries } from "@/lib/analytics/activity";
import { getActivity } from "@/lib/analytics/activity-queries";
import { ActivityPanel, COMMENT_COLOR } from "./activity-panel";
import { activityRows, ActivityTable } from "./activity-table";

/** The brand green (globals.css) for the panel of all opgaven together. */
const ALL_COLOR = "#1f5f4a";

const peak = (values: number[]) => values.reduce((best, value, index) => (value > (values[best] ?? 0) ? index : best), 0);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const largest = (lists: number[][]) => Math.max(0, ...lists.flat());

/**
 * Updates and comments per month per opgave (the whole programme, or one
 * municipality): small charts people take in at a glance, one for all
 * opgaven and one per opgave, with the same numbers as tables behind a
 * disclosure as their accessible alternative.
 */
export async function ActivitySection({ municipalityId }: { municipalityId?: string }) {
  const [activity, t, format] = await Promise.all([
    getLocale().then((locale) => getActivity({ municipalityId, locale })),
    getTranslations("activity"),
    getFormatter(),
  ]);
  const scope = municipalityId ? `activity-${municipalityId}` : "activity";
  const monthDate = (month: string) => new Date(`${month}-15T12:00:00Z`);
  const longMonth = (month: string) => format.dateTime(monthDate(month), { month: "long", year: "numeric", timeZone: "UTC" });
  const shortMonth = (month: string) => format.dateTime(monthDate(month), { month: "short", year: "numeric", timeZone: "UTC" });
  const first = activity.months[0]!;
  const last = activity.months.at(-1)!;
  const range = { from: longMonth(first), to: longMonth(last) };
  const name = (opgave: ActivityOpgave) => (opgave.archived ? t("archived", { name: opgave.name }) : opgave.name);
  const counted = (kind: keyof ActivitySeries, count: number) => t(kind, { count });

  const describe = (series: ActivitySeries) => {
    const peaks = (["updates", "comments"] as const).map((kind) =>
      sum(series[kind])
        ? t("peak", { month: longMonth(activity.months[peak(series[kind])]!), count: counted(kind, series[kind][peak(series[kind])]!) })
        : "",
    );
    return t("summary", {
      ...range,
      updates: counted("updates", sum(series.updates)),
      comments: counted("comments", sum(series.comments)),
      updatesPeak: peaks[0]!,
      commentsPeak: peaks[1]!,
    });
  };
  const panel = (
    id: string,
    label: string,
    series: ActivitySeries,
    color: string,
    max: { updates: number; comments: number },
    tall = false,
  ) => (
    <ActivityPanel
      id={`${scope}-${id}`}
      series={series}
      color={color}
      max={max}
      tall={tall}
      title={t("chartTitle", { name: label })}
      summary={describe(series)}
      barLabel={(index, kind) => t("bar", { month: longMonth(activity.months[index]!), count: counted(kind, series[kind][index]!) })}
      heading={label}
      footer={
        <>
          <p>
            <span style={{ color }} aria-hidden="true">
              ▲
            </span>{" "}
            {counted("updates", sum(series.updates))} ·{" "}
            <span style={{ color: COMMENT_COLOR }} aria-hidden="true">
              ▼
            </span>{" "}
            {counted("comments", sum(series.comments))}
          </p>
          <p className="flex justify-between gap-2" aria-hidden="true">
            <span>{shortMonth(first)}</span>
            <span>{shortMonth(last)}</span>
          </p>
        </>
      }
    />
  );
  const opgaveMax = {
    updates: largest(activity.opgaven.map((opgave) => opgave.updates)),
    comments: largest(activity.opgaven.map((opgave) => opgave.comments)),
  };

  return (
    <section aria-labelledby={`${scope}-title`} className="space-y-4">
      <h2 id={`${scope}-title`}>{t("title")}</h2>
      {isQuiet(activity) ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <p className="max-w-prose">
            {t(
              activity.current
                ? municipalityId
                  ? "introMunicipality"
                  : "intro"
                : municipalityId
                  ? "introEarlierMunicipality"
                  : "introEarlier",
              range,
            )}
          </p>
          <p className="max-w-prose text-sm text-slate-700">{t("legend")}</p>
          {panel(
            "all",
            t("all"),
            activity.all,
            ALL_COLOR,
            { updates: largest([activity.all.updates]), comments: largest([activity.all.comments]) },
            true,
          )}
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {activity.opgaven.map((opgave) => (
              <li key={opgave.id}>{panel(opgave.slug, name(opgave), opgave, opgave.color, opgaveMax)}</li>
            ))}
          </ul>
          <details className="space-y-3">
            <summary className="cursor-pointer font-semibold text-brand">{t("tableToggle")}</summary>
            {(["updates", "comments"] as const).map((kind) => (
              <ActivityTable
                key={kind}
                caption={t(kind === "updates" ? "tableUpdates" : "tableComments", range)}
                regionLabel={t(kind === "updates" ? "tableUpdatesRegion" : "tableCommentsRegion")}
                firstColumn={t("opgave")}
                months={activity.months.map(shortMonth)}
                rows={activityRows(activity.all, activity.opgaven, kind, t("all"), name)}
              />
            ))}
          </details>
        </>
      )}
    </section>
  );
}
