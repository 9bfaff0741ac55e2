import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
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
        <SimpleTable
          caption={t("caption")}
          headers={[
            { label: t("name") },
            { label: t("cbsCode") },
            { label: t("wijken"), className: "text-right" },
            { label: t("experiments"), className: "text-right" },
            { label: t("projectLeaders"), className: "text-right" },
          ]}
        >
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
        </SimpleTable>
      )}
    </div>
  );
}
