import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/accounts/password";
import { forgetCachedReads } from "./database";

/**
 * A world of its own for a discussion under load, written straight into a
 * launcher's database (no demo data used): a municipality, an experiment, its
 * project leader with one published update (she wants an email at once for
 * every comment on it, so each comment also queues an email), and `members`
 * members who may comment. Everyone shares one password.
 */
export type DiscussionWorld = {
  password: string;
  updateId: string;
  author: { id: string; email: string };
  members: { id: string; email: string }[];
};

const newId = () => `e2e${randomBytes(10).toString("hex")}`;

export async function seedDiscussionWorld(databaseUrl: string, { members }: { members: number }): Promise<DiscussionWorld> {
  const tag = randomBytes(4).toString("hex");
  const password = `Duurzaam-${tag}-2026`;
  const passwordHash = await hashPassword(password);
  const municipalityId = newId();
  const experimentId = newId();
  const updateId = newId();
  const author = { id: newId(), email: `e2e-durability-author-${tag}@example.nl` };
  const people = Array.from({ length: members }, (_, index) => ({ id: newId(), email: `e2e-durability-${tag}-${index + 1}@example.nl` }));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      municipalityId,
      `Duurzaamdorp ${tag}`,
      `duurzaamdorp-${tag}`,
      `GM${tag}`,
    ]);
    await client.query(
      `INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", phase, "startDate", "updatedAt")
       VALUES ($1, $2, $3, 'Een experiment voor de duurzaamheidstest.', $4, 'UITVOERING', '2026-01-05', now())`,
      [experimentId, `Warmtenet onder druk ${tag}`, `warmtenet-onder-druk-${tag}`, municipalityId],
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", "updatedAt") VALUES ($1, $2, $3, $4, 'PROJECT_LEADER', $5, now())`,
      [author.id, author.email, `Projectleider ${tag} (e2e)`, passwordHash, municipalityId],
    );
    await client.query(`INSERT INTO "_ExperimentLeaders" ("A", "B") VALUES ($1, $2)`, [experimentId, author.id]);
    for (const [index, person] of people.entries()) {
      await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, 'MEMBER', now())`,
        [person.id, person.email, `Deelnemer ${index + 1} ${tag} (e2e)`, passwordHash],
      );
    }
    await client.query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Wat we leerden toen iedereen tegelijk reageerde.', 'UITVOERING', 'PUBLISHED', now(), now())`,
      [updateId, experimentId, author.id, `Iedereen reageert tegelijk ${tag}`],
    );
    await client.query(`INSERT INTO "Follow" (id, "userId", "targetType", "targetId") VALUES ($1, $2, 'UPDATE', $3)`, [
      newId(),
      author.id,
      updateId,
    ]);
    await client.query(
      `INSERT INTO "EmailPreference" ("userId", kind, frequency, "updatedAt") VALUES ($1, 'COMMENT_ON_UPDATE', 'IMMEDIATE', now())`,
      [author.id],
    );
    await client.query("COMMIT");
    await forgetCachedReads(client);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { password, updateId, author, members: people };
}
