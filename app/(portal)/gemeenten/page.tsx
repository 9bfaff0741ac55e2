import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listMunicipalities } from "@/lib/programme/queries";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("municipalities"))("title") };
}

export default async function MunicipalitiesPage() {
  await requirePermission("portal:read", "/gemeenten");
  const [t, municipalities] = await Promise.all([getTranslations("municipalities"), listMunicipalities()]);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {municipalities.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">{t("name")}</th>
                <th scope="col" className="p-2">{t("cbsCode")}</th>
                <th scope="col" className="p-2 text-right">{t("wijken")}</th>
                <th scope="col" className="p-2 text-right">{t("experiments")}</th>
                <th scope="col" className="p-2 text-right">{t("projectLeaders")}</th>
              </tr>
            </thead>
            <tbody>
              {municipalities.map((municipality) => (
                <tr key={municipality.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-semibold">
                    <Link href={`/gemeenten/${municipality.slug}`}>{municipality.name}</Link>
                  </th>
                  <td className="p-2">{municipality.cbsCode}</td>
                  <td className="p-2 text-right tabular-nums">{municipality._count.wijken}</td>
                  <td className="p-2 text-right tabular-nums">{municipality._count.experiments}</td>
                  <td className="p-2 text-right tabular-nums">{municipality._count.users}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
