import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** Whether this instance holds the seeded demo programme (shown in the footer). */
export const isDemoInstance = cache(async (): Promise<boolean> => {
  const setting = await db.setting.findUnique({ where: { key: "demo" }, select: { value: true } });
  return setting?.value === true;
});
