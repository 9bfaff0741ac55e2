import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { idParam } from "@/lib/route-params";
import { requireUser } from "@/lib/session";
import { getEditorOptions, getUpdateForEditing } from "@/lib/updates/queries";
import { UpdateEditor } from "../../update-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("update.editor"))("editTitle") };
}

export default async function EditUpdatePage({ params }: PageProps<"/updates/[id]/bewerken">) {
  const id = idParam((await params).id);
  const user = await requireUser(`/updates/${encodeURIComponent(id)}/bewerken`);
  // Only someone who may edit this update finds it; anyone else gets a 404.
  const [update, options, t] = await Promise.all([
    getUpdateForEditing(user, id),
    getEditorOptions(user, id),
    getTranslations("update.editor"),
  ]);
  if (!update) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 id="update-editor-heading">{t("editTitle")}</h1>
      <UpdateEditor
        labelledBy="update-editor-heading"
        update={{
          id: update.id,
          title: update.title,
          body: update.body,
          phase: update.phase,
          milestone: update.milestone,
          status: update.status,
          experimentId: update.experimentId,
          experimentTitle: update.experiment.title,
          opgaveIds: update.opgaven.map((opgave) => opgave.id),
          themeIds: update.themes.map((theme) => theme.id),
        }}
        opgaven={options.opgaven}
        themes={options.themes}
        cancelHref={`/updates/${update.id}`}
      />
    </div>
  );
}
