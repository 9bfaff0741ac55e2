import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { can, type Actor } from "@/lib/policy/permissions";

/** The call to action "Nieuwe update" for those who may publish (project leaders); nothing for others. */
export async function NewUpdateLink({ user, onBrand = false }: { user: Pick<Actor, "role"> | null; onBrand?: boolean }) {
  if (!can(user, "update:publish")) return null;
  const t = await getTranslations("nav");
  return (
    <Link
      href="/updates/nieuw"
      data-testid="new-update-cta"
      className={`inline-flex items-center gap-1 rounded px-3 py-1.5 font-semibold no-underline ${
        onBrand
          ? "bg-white text-brand-dark hover:bg-brand-light hover:text-brand-dark"
          : "bg-brand text-white hover:bg-brand-dark hover:text-white"
      }`}
    >
      <span aria-hidden="true">+</span>
      {t("newUpdate")}
    </Link>
  );
}
