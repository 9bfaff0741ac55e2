import { useFormatter, useTranslations } from "next-intl";
import type { BlockNotice } from "@/lib/accounts/block-notice";

/** Why the account is blocked and until when, under the general message (password and SSO sign-in alike). */
export function BlockDetails({ notice }: { notice: BlockNotice }) {
  const t = useTranslations("signIn");
  const format = useFormatter();
  return (
    <>
      {notice.reason ? <span className="mt-2 block">{t("blockedReason", { reason: notice.reason })}</span> : null}
      <span className="mt-2 block">
        {notice.lastDay
          ? t("blockedUntil", { date: format.dateTime(new Date(`${notice.lastDay}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })
          : t("blockedNoEnd")}
      </span>
    </>
  );
}
