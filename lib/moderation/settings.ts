import "server-only";
import { ok } from "@/lib/action-result";
import { mutation, type Tx } from "@/lib/mutation";
import { DEFAULT_AUTO_HIDE_THRESHOLD } from "./limits";
import { thresholdSchema } from "./schema";

const KEY = "moderation.autoHideThreshold";

/** Open reports from different people that hide an item pending review. */
export async function autoHideThreshold(client: Pick<Tx, "setting">): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  return typeof row?.value === "number" && Number.isInteger(row.value) && row.value >= 1 ? row.value : DEFAULT_AUTO_HIDE_THRESHOLD;
}

/** Admins choose the threshold (instance setting). */
export const setAutoHideThreshold = mutation("settings:manage", {
  schema: thresholdSchema,
  run: async ({ tx, data, record }) => {
    const before = await autoHideThreshold(tx);
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: data.threshold }, update: { value: data.threshold } });
    record({ type: "settings.update", targetId: KEY, data: { before: { threshold: before }, after: { threshold: data.threshold } } });
    return ok({ threshold: data.threshold });
  },
});
