import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePermission } from "@/lib/session";
import { getEditorOptions } from "@/lib/updates/queries";
import { UpdateEditor } from "../update-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("update.editor"))("newTitle") };
}

export default async function NewUpdatePage({ searchParams }: PageProps<"/updates/nieuw">) {
  const { experiment } = await searchParams;
  const slug = typeof experiment === "string" ? experiment : undefined;
  const user = await requirePermission("update:publish", slug ? `/updates/nieuw?experiment=${encodeURIComponent(slug)}` : "/updates/nieuw");
  const [t, options] = await Promise.all([getTranslations("update.editor"), getEditorOptions(user, undefined, await getLocale())]);
  // Preselect the experiment from ?experiment=<slug>, but only one of the author's own.
  const preselected =
    options.experiments.find((option) => option.slug === slug) ?? (options.experiments.length === 1 ? options.experiments[0] : undefined);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 id="update-editor-heading">{t("newTitle")}</h1>
      {options.experiments.length === 0 ? (
        <p role="status" className="rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          {user.municipalityId ? t("noExperiments") : t("noMunicipality")}
        </p>
      ) : (
        <>
          <p className="max-w-3xl">{t("newIntro")}</p>
          <UpdateEditor
            labelledBy="update-editor-heading"
            userId={user.id}
            experiments={options.experiments.map(({ id, title, phase }) => ({ id, title, phase }))}
            initialExperimentId={preselected?.id}
            opgaven={options.opgaven}
            themes={options.themes}
            cancelHref={preselected && slug === preselected.slug ? `/experimenten/${preselected.slug}` : "/updates/concepten"}
          />
        </>
      )}
      {options.experiments.length === 0 ? (
        <p>
          <Link href="/">{t("toHome")}</Link>
        </p>
      ) : null}
    </div>
  );
}
