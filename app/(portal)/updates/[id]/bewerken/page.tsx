import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { idParam } from "@/lib/route-params";
import { requireUser } from "@/lib/session";
import { getEditorOptions, getUpdateForEditing, isUpdateVisible } from "@/lib/updates/queries";
import { UpdateEditor } from "../../update-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("update.editor"))("editTitle") };
}

export default async function EditUpdatePage({ params }: PageProps<"/updates/[id]/bewerken">) {
  const id = idParam((await params).id);
  const user = await requireUser(`/updates/${encodeURIComponent(id)}/bewerken`);
  // Who may read but not edit it is told so (forbidden.tsx next to this page); anyone else gets a 404.
  const [update, options, t] = await Promise.all([
    getUpdateForEditing(user, id),
    getEditorOptions(user, id, await getLocale()),
    getTranslations("update.editor"),
  ]);
  if (!update) {
    if (await isUpdateVisible(user, id)) forbidden();
    notFound();
  }
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Breadcrumbs
        items={[{ nav: "updates", href: "/updates" }, { label: update.title, href: `/updates/${update.id}` }, { nav: "crumbEdit" }]}
      />
      <h1 id="update-editor-heading">{t("editTitle")}</h1>
      <UpdateEditor
        labelledBy="update-editor-heading"
        userId={user.id}
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
          updatedAt: update.updatedAt.toISOString(),
        }}
        opgaven={options.opgaven}
        themes={options.themes}
        cancelHref={`/updates/${update.id}`}
      />
    </div>
  );
}
