import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import { listLeaderOptions, listProgrammeForManagement } from "@/lib/programme/queries";
import { experimentPhases } from "@/lib/programme/schema";
import { requirePermission } from "@/lib/session";
import { ExperimentForm, MunicipalityForm, NewWijkForm } from "./programme-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.programme"))("title") };
}

export default async function ProgrammeManagementPage() {
  const actor = await requirePermission("programme:manage", "/beheer/programma");
  const [t, format, { municipalities, experiments }, leaders] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listProgrammeForManagement(actor),
    listLeaderOptions(actor),
  ]);
  const phases = experimentPhases.map((phase) => ({ value: phase, label: t(`phases.${phase}`) }));
  return (
    <div className="space-y-12">
      <div className="max-w-3xl space-y-2">
        <h1>{t("admin.programme.title")}</h1>
        <p>{t("admin.programme.intro")}</p>
      </div>

      <section aria-labelledby="municipalities" className="space-y-4">
        <h2 id="municipalities">{t("admin.programme.municipalities")}</h2>
        {municipalities.length === 0 ? (
          <p>{t("admin.programme.noMunicipalities")}</p>
        ) : (
          <SimpleTable
            caption={t("admin.programme.municipalities")}
            headers={[
              { label: t("admin.programme.name") },
              { label: t("admin.programme.municipalityCbsCode") },
              { label: t("admin.programme.wijken") },
              { label: t("admin.programme.experiments"), className: "text-right" },
              { label: t("admin.programme.actions"), visuallyHidden: true },
            ]}
          >
            {municipalities.map((municipality) => (
              <tr key={municipality.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  <Link href={`/gemeenten/${municipality.slug}`}>{municipality.name}</Link>
                </th>
                <td className="p-2">{municipality.cbsCode}</td>
                <td className="p-2">
                  {municipality.wijken.length ? municipality.wijken.map((wijk) => `${wijk.name} (${wijk.cbsCode})`).join(", ") : "—"}
                </td>
                <td className="p-2 text-right tabular-nums">{municipality._count.experiments}</td>
                <td className="p-2">
                  <Link href={`/beheer/programma/gemeenten/${municipality.id}`}>
                    <span aria-hidden="true">{t("admin.programme.edit")}</span>
                    <span className="sr-only">{t("admin.programme.editLabel", { name: municipality.name })}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </SimpleTable>
        )}
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="add-municipality" className="space-y-4 rounded border border-slate-300 bg-white p-4">
            <h3 id="add-municipality" className="text-lg font-semibold">
              {t("admin.programme.addMunicipality")}
            </h3>
            <MunicipalityForm />
          </section>
          <section aria-labelledby="add-wijk" className="space-y-4 rounded border border-slate-300 bg-white p-4">
            <h3 id="add-wijk" className="text-lg font-semibold">
              {t("admin.programme.addWijk")}
            </h3>
            {municipalities.length === 0 ? (
              <p>{t("admin.programme.municipalityFirst")}</p>
            ) : (
              <NewWijkForm municipalities={municipalities.map((m) => ({ value: m.id, label: m.name }))} />
            )}
          </section>
        </div>
      </section>

      <section aria-labelledby="experiments" className="space-y-4">
        <h2 id="experiments">{t("admin.programme.experiments")}</h2>
        {experiments.length === 0 ? (
          <p>{t("admin.programme.noExperiments")}</p>
        ) : (
          <SimpleTable
            caption={t("admin.programme.experiments")}
            headers={[
              { label: t("admin.programme.experimentTitle") },
              { label: t("admin.programme.municipality") },
              { label: t("admin.programme.phase") },
              { label: t("admin.programme.startDate") },
              { label: t("admin.programme.actions"), visuallyHidden: true },
            ]}
          >
            {experiments.map((experiment) => (
              <tr key={experiment.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  <Link href={`/experimenten/${experiment.slug}`}>{experiment.title}</Link>
                </th>
                <td className="p-2">{experiment.municipality.name}</td>
                <td className="p-2">{t(`phases.${experiment.phase}`)}</td>
                <td className="p-2">{format.dateTime(experiment.startDate, { dateStyle: "medium", timeZone: "UTC" })}</td>
                <td className="p-2">
                  <Link href={`/beheer/programma/experimenten/${experiment.id}`}>
                    <span aria-hidden="true">{t("admin.programme.edit")}</span>
                    <span className="sr-only">{t("admin.programme.editLabel", { name: experiment.title })}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </SimpleTable>
        )}
        <section aria-labelledby="add-experiment" className="max-w-3xl space-y-4 rounded border border-slate-300 bg-white p-4">
          <h3 id="add-experiment" className="text-lg font-semibold">
            {t("admin.programme.addExperiment")}
          </h3>
          {municipalities.length === 0 ? (
            <p>{t("admin.programme.municipalityFirst")}</p>
          ) : (
            <ExperimentForm
              municipalities={municipalities.map((m) => ({ id: m.id, name: m.name, wijken: m.wijken }))}
              leaders={leaders}
              phases={phases}
            />
          )}
        </section>
      </section>
    </div>
  );
}
