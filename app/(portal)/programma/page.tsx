import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProgrammeTimelineChart } from "@/components/timeline/programme-timeline-chart";
import { ProgrammeTimelineText } from "@/components/timeline/programme-timeline-text";
import { TimelineLegend } from "@/components/timeline/timeline-legend";
import { PHASE_ORDER } from "@/lib/analytics/timeline";
import { getProgrammeTimeline } from "@/lib/analytics/timeline-queries";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timeline"))("title") };
}

export default async function ProgrammeTimelinePage() {
  await requirePermission("portal:read", "/programma");
  const [t, timeline] = await Promise.all([getTranslations("timeline"), getProgrammeTimeline()]);
  const { axis } = timeline;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1>{t("title")}</h1>
        <p className="max-w-3xl">{t("intro")}</p>
      </div>
      {!axis ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <section aria-labelledby="tijdlijn-grafiek" className="space-y-3">
            <h2 id="tijdlijn-grafiek">{t("chartTitle")}</h2>
            <p className="text-sm text-slate-700 print:hidden">
              {t("chartHint")} <a href="#tijdlijn-tekst">{t("toText")}</a>
            </p>
            <TimelineLegend phases={PHASE_ORDER} today />
            <ProgrammeTimelineChart timeline={timeline} axis={axis} />
          </section>
          <section aria-labelledby="tijdlijn-tekst" className="space-y-4">
            <h2 id="tijdlijn-tekst">{t("textTitle")}</h2>
            <p className="max-w-3xl">{t("textIntro")}</p>
            <ProgrammeTimelineText timeline={timeline} />
          </section>
        </>
      )}
    </div>
  );
}
