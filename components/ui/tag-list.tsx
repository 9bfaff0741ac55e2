import { useLocale } from "next-intl";
import Link from "next/link";
import { localisedName } from "@/lib/taxonomy/localise";

type TagItem = { id: string; name: string; nameEn?: string | null; color: string };

const tagClass = "inline-block rounded-full px-3 py-1 text-sm font-semibold text-white";

/**
 * Coloured labels for opgaven and themes; colours are chosen for white text (≥ 4.5:1).
 * With `href`, every label links to the page it returns (e.g. the opgave's page).
 * Names show in the reader's language (the English one when there is one).
 */
export function TagList<T extends TagItem>({ items, href }: { items: T[]; href?: (item: T) => string }) {
  const locale = useLocale();
  return (
    <ul className="flex flex-wrap gap-2">
      {items.map((item) => (
        <li key={item.id}>
          {href ? (
            <Link
              href={href(item)}
              className={`${tagClass} no-underline hover:text-white hover:underline focus-visible:text-white`}
              style={{ backgroundColor: item.color }}
            >
              {localisedName(item, locale)}
            </Link>
          ) : (
            <span className={tagClass} style={{ backgroundColor: item.color }}>
              {localisedName(item, locale)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
