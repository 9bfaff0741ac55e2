"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formValues } from "@/lib/action-result";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/session";
import { locales } from "./config";
import { rememberLocale } from "./locale-cookie";

const localeSchema = z.object({ locale: z.enum(locales) });

/** Switches the UI language; remembered in a cookie and, when signed in, on the account. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse({ locale: formValues(formData).locale });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  await rememberLocale(locale);
  const user = await getCurrentUser();
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  revalidatePath("/", "layout");
}
