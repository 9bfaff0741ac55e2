import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { getMunicipalityForEdit } from "@/lib/programme/queries";
import { idParam } from "@/lib/route-params";
import { requirePermission } from "@/lib/session";
import { EditWijkForm, MunicipalityForm, NewWijkForm } from "../../programme-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.programme"))("editMunicipalityTitle") };
}

export default async function EditMunicipalityPage({ params }: PageProps<"/beheer/programma/gemeenten/[id]">) {
  const id = idParam((await params).id);
  const actor = await requirePermission("programme:manage", `/beheer/programma/gemeenten/${id}`);
  const municipality = await getMunicipalityForEdit(actor, id);
  if (!municipality) notFound();
  const t = await getTranslations("admin.programme");
  const { wijken, ...values } = municipality;
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <Breadcrumbs items={[{ nav: "admin" }, { nav: "programme", href: "/beheer/programma" }, { label: municipality.name }]} />
        <h1>{t("editMunicipality", { name: municipality.name })}</h1>
        <p>
          <Link href={`/gemeenten/${municipality.slug}`}>{t("viewPage")}</Link>
        </p>
      </div>

      <section aria-labelledby="details" className="max-w-xl space-y-4">
        <h2 id="details">{t("details")}</h2>
        <MunicipalityForm municipality={values} />
      </section>

      <section aria-labelledby="wijken" className="space-y-4">
        <h2 id="wijken">{t("wijken")}</h2>
        {wijken.length === 0 ? (
          <p>{t("noWijken")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {wijken.map((wijk) => (
              <li key={wijk.id} className="space-y-3 rounded border border-slate-300 bg-white p-4">
                <h3 id={`wijk-${wijk.id}`} className="text-lg font-semibold">
                  {t("wijkHeading", { name: wijk.name })}
                </h3>
                <EditWijkForm wijk={wijk} labelledBy={`wijk-${wijk.id}`} />
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby="add-wijk" className="max-w-xl space-y-4 rounded border border-slate-300 bg-white p-4">
          <h3 id="add-wijk" className="text-lg font-semibold">
            {t("addWijk")}
          </h3>
          <NewWijkForm municipalityId={municipality.id} />
        </section>
      </section>
    </div>
  );
}
