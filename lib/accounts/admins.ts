import "server-only";
import type { Tx } from "@/lib/mutation";
import { activeUserSql } from "@/lib/policy/users";

/**
 * Whether taking `userId` out (a block, a demotion) would leave no admin who
 * can sign in. The active admins' rows stay locked until the transaction
 * ends, so two admins blocking or demoting each other at once are served one
 * after the other and the second sees the first one's change.
 */
export async function leavesNoActiveAdmin(tx: Tx, userId: string, now: Date): Promise<boolean> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM "User" u WHERE u.role = 'ADMIN' AND ${activeUserSql("u", now)} ORDER BY u.id FOR UPDATE`;
  return admins.length > 0 && admins.every((admin) => admin.id === userId);
}
