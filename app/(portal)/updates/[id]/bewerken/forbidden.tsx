import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** The 403 of the edit page: the person may read this update but not edit it. */
export default async function EditForbidden() {
  const t = await getTranslations("update.editForbidden");
  return (
    <div className="max-w-xl space-y-4">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/updates">{t("back")}</Link>
      </p>
    </div>
  );
}
