import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NotificationBell } from "@/components/notifications/bell";
import { can, type Permission } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

const navigation: {
  href: string;
  key:
    | "home"
    | "updates"
    | "koppelkansen"
    | "lessons"
    | "timeline"
    | "inspiration"
    | "report"
    | "municipalities"
    | "programme"
    | "taxonomy"
    | "invitations"
    | "users"
    | "audit"
    | "outbox"
    | "moderation"
    | "profile"
    | "drafts";
  permission: Permission;
}[] = [
  { href: "/", key: "home", permission: "portal:read" },
  { href: "/updates", key: "updates", permission: "portal:read" },
  { href: "/koppelkansen", key: "koppelkansen", permission: "portal:read" },
  { href: "/lessen", key: "lessons", permission: "portal:read" },
  { href: "/programma", key: "timeline", permission: "portal:read" },
  { href: "/gemeenten", key: "municipalities", permission: "portal:read" },
  { href: "/inspiratie", key: "inspiration", permission: "portal:read" },
  { href: "/updates/concepten", key: "drafts", permission: "update:publish" },
  { href: "/profiel", key: "profile", permission: "portal:read" },
  { href: "/beheer/moderatie", key: "moderation", permission: "report:review" },
  { href: "/beheer/programma", key: "programme", permission: "programme:manage" },
  { href: "/beheer/rapportage", key: "report", permission: "programme-report:read" },
  { href: "/beheer/taxonomie", key: "taxonomy", permission: "taxonomy:manage" },
  { href: "/beheer/uitnodigingen", key: "invitations", permission: "invitation:create" },
  { href: "/beheer/gebruikers", key: "users", permission: "user:list" },
  { href: "/beheer/audit", key: "audit", permission: "audit:read" },
  { href: "/beheer/e-mail", key: "outbox", permission: "email:outbox" },
];

export async function SiteHeader() {
  const user = await getCurrentUser();
  const t = await getTranslations();
  const items = navigation.filter((item) => can(user, item.permission));
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href={user ? "/" : "/inloggen"} className="text-xl font-bold text-white no-underline hover:text-white">
          {t("common.appName")}
        </Link>
        {items.length ? (
          <nav aria-label={t("nav.label")}>
            <ul className="flex flex-wrap gap-x-5 gap-y-1">
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="font-semibold text-white hover:text-white">
                    {t(`nav.${item.key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          {user ? (
            <p className="text-sm" data-testid="current-user">
              <span className="sr-only">{t("nav.signedInAs", { name: user.name })}: </span>
              <span aria-hidden="true">{user.name}</span> · {t(`roles.${user.role}`)}
            </p>
          ) : null}
          {user ? <NotificationBell userId={user.id} /> : null}
          <LanguageSwitch />
          {user ? <SignOutButton label={t("nav.signOut")} /> : null}
        </div>
      </div>
    </header>
  );
}
