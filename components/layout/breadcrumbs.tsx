import { getTranslations } from "next-intl/server";
import Link from "next/link";

type NavLabel =
  | "updates"
  | "opgaven"
  | "themes"
  | "lessons"
  | "municipalities"
  | "admin"
  | "programme"
  | "taxonomy"
  | "users"
  | "crumbEdit"
  | "crumbRevisions";

/** A step of the trail: a text of its own (a title) or a menu word (nav.*); without href it is not a link. */
export type Crumb = { label: string; href?: string } | { nav: NavLabel; href?: string };

/**
 * The trail above a deep page ("Start › Updates › Titel"): Start first, links
 * up to the pages above, and the page itself last with aria-current="page".
 */
export async function Breadcrumbs({ items }: { items: Crumb[] }) {
  const t = await getTranslations("nav");
  const trail = [{ label: t("home"), href: "/" }, ...items.map((item) => ("nav" in item ? { label: t(item.nav), href: item.href } : item))];
  return (
    <nav aria-label={t("breadcrumbs")} className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
        {trail.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-2">
            {index > 0 ? <span aria-hidden="true">›</span> : null}
            {index === trail.length - 1 ? (
              <span aria-current="page" className="font-semibold [overflow-wrap:anywhere] text-slate-900">
                {item.label}
              </span>
            ) : item.href ? (
              <Link href={item.href} className="[overflow-wrap:anywhere]">
                {item.label}
              </Link>
            ) : (
              <span className="[overflow-wrap:anywhere]">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
