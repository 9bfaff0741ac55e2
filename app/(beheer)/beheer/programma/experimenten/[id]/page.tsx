import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { getExperimentForEdit, listLeaderOptions, listMunicipalityChoices } from "@/lib/programme/queries";
import { experimentPhases, toDateInputValue } from "@/lib/programme/schema";
import { idParam } from "@/lib/route-params";
import { requirePermission } from "@/lib/session";
import { ExperimentForm } from "../../programme-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.programme"))("editExperimentTitle") };
}

export default async function EditExperimentPage({ params }: PageProps<"/beheer/programma/experimenten/[id]">) {
  const id = idParam((await params).id);
  const actor = await requirePermission("programme:manage", `/beheer/programma/experimenten/${id}`);
  const [experiment, municipalities, leaders, t] = await Promise.all([
    getExperimentForEdit(actor, id),
    listMunicipalityChoices(actor),
    listLeaderOptions(actor, id),
    getTranslations(),
  ]);
  if (!experiment) notFound();
  const phases = experimentPhases.map((phase) => ({ value: phase, label: t(`phases.${phase}`) }));
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Breadcrumbs items={[{ nav: "admin" }, { nav: "programme", href: "/beheer/programma" }, { label: experiment.title }]} />
        <h1>{t("admin.programme.editExperiment", { title: experiment.title })}</h1>
        <p>
          <Link href={`/experimenten/${experiment.slug}`}>{t("admin.programme.viewPage")}</Link>
        </p>
      </div>
      <div className="max-w-3xl">
        <ExperimentForm
          experiment={{ ...experiment, startDate: toDateInputValue(experiment.startDate) }}
          municipalities={municipalities}
          leaders={leaders}
          phases={phases}
        />
      </div>
    </div>
  );
}
