import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";

/** Whether the actor's report on this update or comment is still open ("Je hebt dit gemeld"). */
export async function hasOpenReport(actor: Pick<Actor, "id">, target: { updateId: string } | { commentId: string }): Promise<boolean> {
  const count = await db.report.count({ where: { reporterId: actor.id, status: "OPEN", item: target } });
  return count > 0;
}
