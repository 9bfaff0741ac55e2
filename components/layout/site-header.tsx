import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NotificationBell } from "@/components/notifications/bell";
import { can, type Permission } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";
import { MenuDisclosure } from "./menu-disclosure";
import { NewUpdateLink } from "./new-update-link";
import { SignOutButton } from "./sign-out-button";

type NavEntry = { href: string; key: string; permission: Permission };

const navigation: NavEntry[] = [
  { href: "/", key: "home", permission: "portal:read" },
  { href: "/updates", key: "updates", permission: "portal:read" },
  { href: "/opgaven", key: "opgaven", permission: "portal:read" },
  { href: "/themas", key: "themes", permission: "portal:read" },
  { href: "/koppelkansen", key: "koppelkansen", permission: "portal:read" },
  { href: "/lessen", key: "lessons", permission: "portal:read" },
  { href: "/programma", key: "timeline", permission: "portal:read" },
  { href: "/gemeenten", key: "municipalities", permission: "portal:read" },
  { href: "/inspiratie", key: "inspiration", permission: "portal:read" },
  { href: "/updates/concepten", key: "drafts", permission: "update:publish" },
  { href: "/profiel", key: "profile", permission: "portal:read" },
];

/** The staff's pages, shown as the menu's own "Beheer" group. */
const adminNavigation: NavEntry[] = [
  { href: "/beheer/moderatie", key: "moderation", permission: "report:review" },
  { href: "/beheer/programma", key: "programme", permission: "programme:manage" },
  { href: "/beheer/rapportage", key: "report", permission: "programme-report:read" },
  { href: "/beheer/taxonomie", key: "taxonomy", permission: "taxonomy:manage" },
  { href: "/beheer/uitnodigingen", key: "invitations", permission: "invitation:create" },
  { href: "/beheer/gebruikers", key: "users", permission: "user:list" },
  { href: "/beheer/audit", key: "audit", permission: "audit:read" },
  { href: "/beheer/e-mail", key: "outbox", permission: "email:outbox" },
];

/**
 * One row on a phone (name, bell, menu button; the menu, the person, the
 * language and sign-out open below it), everything in view from md up.
 */
export async function SiteHeader() {
  const user = await getCurrentUser();
  const t = await getTranslations();
  const itemsOf = (entries: NavEntry[]) =>
    entries.filter((item) => can(user, item.permission)).map((item) => ({ href: item.href, label: t(`nav.${item.key}` as "nav.home") }));
  const items = itemsOf(navigation);
  const adminItems = itemsOf(adminNavigation);
  const account = (
    <div className="flex flex-wrap items-center gap-3">
      <NewUpdateLink user={user} onBrand />
      {user ? (
        <p className="text-sm" data-testid="current-user">
          <span className="sr-only">{t("nav.signedInAs", { name: user.name })}: </span>
          <span aria-hidden="true">{user.name}</span> · {t(`roles.${user.role}`)}
        </p>
      ) : null}
      <LanguageSwitch />
      {user ? <SignOutButton label={t("nav.signOut")} /> : null}
    </div>
  );
  return (
    <header className="bg-brand text-white">
      {/* A grid on a phone, so the first row never wraps (the name gives way); a wrapping row from md up. */}
      <div className="mx-auto grid max-w-6xl grid-cols-[minmax(0,1fr)_auto_auto] items-center gap-x-2 gap-y-2 px-4 py-2 md:flex md:flex-wrap md:gap-x-4 md:py-3">
        <Link
          href={user ? "/" : "/inloggen"}
          className="min-w-0 truncate text-lg font-bold text-white no-underline hover:text-white md:text-xl"
        >
          {t("common.appName")}
        </Link>
        {user ? <NotificationBell userId={user.id} /> : null}
        {items.length ? (
          <MenuDisclosure label={t("nav.menu")} panelId="site-menu">
            <MainNav label={t("nav.label")} items={items} adminLabel={t("nav.admin")} adminItems={adminItems} />
            {account}
          </MenuDisclosure>
        ) : (
          account
        )}
      </div>
    </header>
  );
}
