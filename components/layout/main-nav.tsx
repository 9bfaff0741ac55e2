"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The item the current address belongs to: the exact page, else the longest menu path above it. */
function currentHref(pathname: string, items: NavItem[]): string | undefined {
  const matches = items.filter((item) => pathname === item.href || (item.href !== "/" && pathname.startsWith(`${item.href}/`)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

function NavList({ items, current, pathname }: { items: NavItem[]; current: string | undefined; pathname: string }) {
  return items.map((item) => (
    <li key={item.href}>
      <Link
        href={item.href}
        // "page" for the page itself, "true" for a page below it (an update under Updates).
        aria-current={item.href === current ? (pathname === item.href ? "page" : "true") : undefined}
        className="block py-1 font-semibold text-white underline-offset-4 hover:text-white aria-[current]:underline aria-[current]:decoration-2 md:py-0"
      >
        {item.label}
      </Link>
    </li>
  ));
}

/**
 * The main menu: the portal's pages, then (for staff) the admin pages as a
 * second, labelled list "Beheer", both in one landmark so the menu is one
 * place to look for. The current page carries aria-current.
 */
export function MainNav({
  label,
  items,
  adminLabel,
  adminItems,
}: {
  label: string;
  items: NavItem[];
  adminLabel: string;
  adminItems: NavItem[];
}) {
  const pathname = usePathname();
  const current = currentHref(pathname, [...items, ...adminItems]);
  return (
    <nav aria-label={label} className="space-y-3 md:space-y-1">
      <ul className="flex flex-col gap-x-5 md:flex-row md:flex-wrap">
        <NavList items={items} current={current} pathname={pathname} />
      </ul>
      {adminItems.length ? (
        <div className="flex flex-col gap-x-3 md:flex-row md:flex-wrap md:items-baseline">
          <p id="nav-admin-label" className="text-sm font-bold tracking-wide text-white uppercase">
            {adminLabel}
          </p>
          <ul
            aria-labelledby="nav-admin-label"
            className="flex flex-col gap-x-4 border-l-2 border-white/50 pl-3 text-sm md:flex-row md:flex-wrap"
          >
            <NavList items={adminItems} current={current} pathname={pathname} />
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
