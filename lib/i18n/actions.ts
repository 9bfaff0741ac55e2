"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { formValues } from "@/lib/action-result";
import { requestIsHttps } from "@/lib/auth";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/session";
import { LOCALE_COOKIE, locales } from "./config";

const localeSchema = z.object({ locale: z.enum(locales) });

/** Switches the UI language; remembered in a cookie and, when signed in, on the account. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse({ locale: formValues(formData).locale });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  // Like the session cookie: never readable by script, and Secure once the browser came over HTTPS.
  const secure = requestIsHttps(await headers());
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, secure, maxAge: 365 * 24 * 60 * 60 });
  const user = await getCurrentUser();
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  revalidatePath("/", "layout");
}
