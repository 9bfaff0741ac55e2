import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { adminClientMessages } from "@/lib/i18n/client-messages";

/** The admin pages' client components also need the admin namespaces, which the portal's pages do not carry. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={adminClientMessages(await getMessages())}>{children}</NextIntlClientProvider>;
}
