import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/accounts/password";
import { hashToken } from "../../lib/accounts/tokens";
import { databaseUrl, forgetCachedReads, query } from "./database";

/**
 * The page sweep's own people, written by SQL into the run's database: an
 * admin and a project leader who speak `locale` (so the sweep in one language
 * never changes the other's account or the demo accounts other specs use),
 * each with unread notifications, the project leader's experiment with one
 * published update (tagged, with a comment thread) and one draft, and a
 * pending invitation and password reset whose links open the visitor pages.
 */
export type SweepWorld = {
  locale: "nl" | "en";
  password: string;
  admin: { id: string; email: string };
  projectLeader: { id: string; email: string };
  municipalitySlug: string;
  updateId: string;
  draftId: string;
  invitationToken: string;
  resetToken: string;
};

const newId = () => `e2e${randomBytes(10).toString("hex")}`;

export async function seedSweepWorld(locale: "nl" | "en"): Promise<SweepWorld> {
  const tag = randomBytes(4).toString("hex");
  const password = `Overzicht-${tag}-2026`;
  const passwordHash = await hashPassword(password);
  const world: SweepWorld = {
    locale,
    password,
    admin: { id: newId(), email: `e2e-sweep-admin-${tag}@example.nl` },
    projectLeader: { id: newId(), email: `e2e-sweep-leader-${tag}@example.nl` },
    municipalitySlug: `overzichtdorp-${tag}`,
    updateId: newId(),
    draftId: newId(),
    invitationToken: randomBytes(24).toString("base64url"),
    resetToken: randomBytes(24).toString("base64url"),
  };
  const municipalityId = newId();
  const experimentId = newId();
  const commentId = newId();
  const replyId = newId();

  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query("BEGIN");
    const run = (sql: string, params: unknown[]) => client.query(sql, params);
    await run(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      municipalityId,
      `Overzichtdorp ${tag}`,
      world.municipalitySlug,
      `GMS${tag}`,
    ]);
    await run(
      `INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", phase, "startDate", "updatedAt")
       VALUES ($1, $2, $3, 'Een experiment voor de toegankelijkheidscontrole.', $4, 'UITVOERING', '2026-01-05', now())`,
      [experimentId, `Warmte in Overzichtdorp ${tag}`, `warmte-overzichtdorp-${tag}`, municipalityId],
    );
    const insertUser = `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", locale, "updatedAt")
                        VALUES ($1, $2, $3, $4, $5::"Role", $6, $7::"Locale", now())`;
    await run(insertUser, [world.admin.id, world.admin.email, `Beheerder ${tag} (e2e)`, passwordHash, "ADMIN", null, locale]);
    await run(insertUser, [
      world.projectLeader.id,
      world.projectLeader.email,
      `Projectleider ${tag} (e2e)`,
      passwordHash,
      "PROJECT_LEADER",
      municipalityId,
      locale,
    ]);
    await run(`INSERT INTO "_ExperimentLeaders" ("A", "B") VALUES ($1, $2)`, [experimentId, world.projectLeader.id]);
    const insertUpdate = `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt", "commentCount")
                          VALUES ($1, $2, $3, $4, $5, 'UITVOERING', $6::"UpdateStatus", $7, now(), $8)`;
    await run(insertUpdate, [
      world.updateId,
      experimentId,
      world.projectLeader.id,
      `Bewonersavond over warmte ${tag}`,
      "## Wat we deden\n\nWe spraken met **veertig bewoners** over het warmtenet.\n\n- Koffie en vragen\n- Een rondleiding",
      "PUBLISHED",
      new Date(),
      2,
    ]);
    await run(insertUpdate, [
      world.draftId,
      experimentId,
      world.projectLeader.id,
      `Concept over isolatie ${tag}`,
      "Nog niet klaar.",
      "DRAFT",
      null,
      0,
    ]);
    await run(
      `INSERT INTO "UpdateOpgave" ("updateId", "opgaveId") SELECT $1, id FROM "Opgave" WHERE "archivedAt" IS NULL ORDER BY "sortOrder" LIMIT 2`,
      [world.updateId],
    );
    const insertComment = `INSERT INTO "Comment" (id, "updateId", "authorId", "parentId", body) VALUES ($1, $2, $3, $4, $5)`;
    await run(insertComment, [commentId, world.updateId, world.admin.id, null, "Hoe vonden de bewoners de avond?"]);
    await run(insertComment, [replyId, world.updateId, world.projectLeader.id, commentId, "Goed: ze willen een tweede avond."]);
    const insertNotification = `INSERT INTO "Notification" (id, "userId", kind, "actorId", "updateId", "commentId")
                                VALUES ($1, $2, $3::"NotificationKind", $4, $5, $6)`;
    await run(insertNotification, [newId(), world.projectLeader.id, "COMMENT_ON_UPDATE", world.admin.id, world.updateId, commentId]);
    await run(insertNotification, [newId(), world.admin.id, "REPLY", world.projectLeader.id, world.updateId, replyId]);
    await run(insertNotification, [newId(), world.admin.id, "FOLLOWED_UPDATE", world.projectLeader.id, world.updateId, null]);
    await run(
      `INSERT INTO "Invitation" (id, email, role, "municipalityId", "tokenHash", "invitedById", "expiresAt")
       VALUES ($1, $2, 'PROJECT_LEADER', $3, $4, $5, now() + interval '7 days')`,
      [newId(), `e2e-sweep-invited-${tag}@example.nl`, municipalityId, hashToken(world.invitationToken), world.admin.id],
    );
    await run(`INSERT INTO "PasswordResetToken" (id, "userId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 hour')`, [
      newId(),
      world.projectLeader.id,
      hashToken(world.resetToken),
    ]);
    await client.query("COMMIT");
    await forgetCachedReads(client);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return world;
}

/** How many unread notifications the person's bell counts (the sweep's precondition). */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await query<{ count: string }>(`SELECT count(*) FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`, [userId]);
  return Number(row!.count);
}
