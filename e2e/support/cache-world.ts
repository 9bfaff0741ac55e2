import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/accounts/password";

/**
 * A programme of its own for the cache test, written straight into an empty
 * database before its server starts (so no cached read predates it): one
 * municipality with 12 busy experiments (one listed update each, all tagged
 * with opgave `three` and theme `busy`) and one quiet experiment without
 * updates, 13 in all, so the home page's 12 most recently active leave the
 * quiet one out until it gets an update. Three opgaven, two themes, and a
 * project leader, a coordinator and an admin sharing one password.
 */

export type Tag = { id: string; name: string; slug: string };
export type Person = { id: string; email: string };
export type CacheWorld = {
  tag: string;
  password: string;
  leader: Person;
  coordinator: Person;
  admin: Person;
  quiet: { id: string; slug: string; title: string };
  busy: { id: string; slug: string; title: string }[];
  opgaven: { one: Tag; two: Tag; three: Tag };
  themes: { busy: Tag; still: Tag };
};

export const BUSY_EXPERIMENTS = 12;

const newId = () => `e2e${randomBytes(10).toString("hex")}`;

export async function seedCacheWorld(databaseUrl: string): Promise<CacheWorld> {
  const tag = randomBytes(4).toString("hex");
  const password = `Vers-gelezen-${tag}-2026`;
  const passwordHash = await hashPassword(password);
  const municipalityId = newId();
  const person = (label: string): Person => ({ id: newId(), email: `e2e-cache-${label}-${tag}@example.nl` });
  const taxonomy = (label: string, prefix: string): Tag => ({
    id: newId(),
    name: `${prefix} ${label} ${tag}`,
    slug: `cache-${label}-${tag}`,
  });
  const world: CacheWorld = {
    tag,
    password,
    leader: person("leader"),
    coordinator: person("coordinator"),
    admin: person("admin"),
    // "Zz" sorts it after the busy ones among experiments with equal activity.
    quiet: { id: newId(), slug: `zz-stil-${tag}`, title: `Zz stil experiment ${tag}` },
    busy: Array.from({ length: BUSY_EXPERIMENTS }, (_, index) => ({
      id: newId(),
      slug: `druk-${index + 1}-${tag}`,
      title: `Druk experiment ${index + 1} ${tag}`,
    })),
    opgaven: { one: taxonomy("een", "Cacheopgave"), two: taxonomy("twee", "Cacheopgave"), three: taxonomy("drie", "Cacheopgave") },
    themes: { busy: taxonomy("druk", "Cachethema"), still: taxonomy("stil", "Cachethema") },
  };

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      municipalityId,
      `Cachestad ${tag}`,
      `cachestad-${tag}`,
      `GM${tag}`,
    ]);
    const people: [Person, string, string | null][] = [
      [world.leader, "PROJECT_LEADER", municipalityId],
      [world.coordinator, "COORDINATOR", null],
      [world.admin, "ADMIN", null],
    ];
    for (const [who, role, municipality] of people) {
      await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [who.id, who.email, `${role} ${tag} (e2e)`, passwordHash, role, municipality],
      );
    }
    for (const [index, opgave] of Object.values(world.opgaven).entries()) {
      await client.query(`INSERT INTO "Opgave" (id, name, slug, "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
        opgave.id,
        opgave.name,
        opgave.slug,
        index,
      ]);
    }
    for (const [index, theme] of Object.values(world.themes).entries()) {
      await client.query(`INSERT INTO "Theme" (id, name, slug, "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
        theme.id,
        theme.name,
        theme.slug,
        index,
      ]);
    }
    for (const experiment of [world.quiet, ...world.busy]) {
      await client.query(
        `INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", phase, "startDate", "updatedAt")
         VALUES ($1, $2, $3, 'Een experiment voor de cachetest.', $4, 'UITVOERING', '2026-01-05', now())`,
        [experiment.id, experiment.title, experiment.slug, municipalityId],
      );
    }
    await client.query(`INSERT INTO "_ExperimentLeaders" ("A", "B") VALUES ($1, $2)`, [world.quiet.id, world.leader.id]);
    for (const [index, experiment] of world.busy.entries()) {
      const updateId = newId();
      await client.query(
        `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'Wat we eerder deden.', 'UITVOERING', 'PUBLISHED', now() - make_interval(days => $5), now())`,
        [updateId, experiment.id, world.leader.id, `Eerdere update ${index + 1} ${tag}`, index + 1],
      );
      await client.query(`INSERT INTO "UpdateOpgave" ("updateId", "opgaveId") VALUES ($1, $2)`, [updateId, world.opgaven.three.id]);
      await client.query(`INSERT INTO "UpdateTheme" ("updateId", "themeId") VALUES ($1, $2)`, [updateId, world.themes.busy.id]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return world;
}
