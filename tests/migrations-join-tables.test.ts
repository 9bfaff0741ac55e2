import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrations } from "@/lib/postgres/migrate";
import { createDatabaseFrom } from "./support/test-database";

// The koppelkansen migration moves every tag from Prisma's implicit tables
// (_OpgaveToUpdate / _ThemeToUpdate, "A" = tag, "B" = update) into the explicit
// join tables UpdateOpgave / UpdateTheme before it drops the old ones.

const JOIN_TABLES_MIGRATION = "20261201131835_koppelkansen";
const serverUrl = inject("databaseServerUrl");
const created: { drop: () => Promise<unknown> }[] = [];

afterAll(async () => {
  await Promise.all(created.map((database) => database.drop()));
});

/** A folder holding only the migrations before the join tables. */
async function migrationsBeforeJoinTables(): Promise<string> {
  const names = (await readMigrations()).map((migration) => migration.name);
  expect(names).toContain(JOIN_TABLES_MIGRATION);
  const folder = await mkdtemp(path.join(tmpdir(), "kk-migrations-before-"));
  for (const name of names.filter((name) => name < JOIN_TABLES_MIGRATION)) {
    await cp(path.join(MIGRATIONS_DIR, name), path.join(folder, name), { recursive: true });
  }
  return folder;
}

/** A municipality, experiment, author, three opgaven, two themes and three updates tagged the old way. */
async function seedOldTags(client: pg.Client) {
  await client.query(
    `INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ('m1', 'Oudedorp', 'oudedorp', 'GM9901', now())`,
  );
  await client.query(
    `INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", phase, "startDate", "updatedAt")
     VALUES ('e1', 'Warmtenet', 'warmtenet', 'Een experiment.', 'm1', 'UITVOERING', '2026-01-05', now())`,
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", "updatedAt")
     VALUES ('a1', 'auteur@example.nl', 'Auteur', 'x', 'PROJECT_LEADER', 'm1', now())`,
  );
  for (const id of ["o1", "o2", "o3"]) {
    await client.query(`INSERT INTO "Opgave" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [
      id,
      `Opgave ${id}`,
      `opgave-${id}`,
    ]);
  }
  for (const id of ["t1", "t2"]) {
    await client.query(`INSERT INTO "Theme" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [id, `Thema ${id}`, `thema-${id}`]);
  }
  for (const [id, status] of [
    ["u1", "PUBLISHED"],
    ["u2", "DRAFT"],
    ["u3", "WITHDRAWN"],
  ]) {
    await client.query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "updatedAt")
       VALUES ($1, 'e1', 'a1', $2, 'Tekst', 'UITVOERING', $3, now())`,
      [id, `Update ${id}`, status],
    );
  }
  const opgaveTags = [
    ["o1", "u1"],
    ["o2", "u1"],
    ["o3", "u1"],
    ["o1", "u2"],
    ["o2", "u3"],
  ];
  const themeTags = [
    ["t1", "u1"],
    ["t2", "u1"],
    ["t2", "u2"],
  ];
  for (const [tag, update] of opgaveTags) await client.query(`INSERT INTO "_OpgaveToUpdate" ("A", "B") VALUES ($1, $2)`, [tag, update]);
  for (const [tag, update] of themeTags) await client.query(`INSERT INTO "_ThemeToUpdate" ("A", "B") VALUES ($1, $2)`, [tag, update]);
  return { opgaveTags, themeTags };
}

const pairs = (rows: { tag: string; update: string }[]) => rows.map((row) => [row.tag, row.update]).sort();

describe("the join tables migration", () => {
  it("keeps every tag of every update, in UpdateOpgave and UpdateTheme, and drops the implicit tables", async () => {
    const database = await createDatabaseFrom(serverUrl, null, "kk_join");
    created.push(database);
    const before = await migrate(database.url, { dir: await migrationsBeforeJoinTables() });
    expect(before.applied).not.toContain(JOIN_TABLES_MIGRATION);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { opgaveTags, themeTags } = await seedOldTags(client);
      const after = await migrate(database.url);
      expect(after.applied[0]).toBe(JOIN_TABLES_MIGRATION);

      const opgaven = await client.query<{ tag: string; update: string }>(
        `SELECT "opgaveId" AS tag, "updateId" AS update FROM "UpdateOpgave"`,
      );
      const themes = await client.query<{ tag: string; update: string }>(
        `SELECT "themeId" AS tag, "updateId" AS update FROM "UpdateTheme"`,
      );
      expect(pairs(opgaven.rows)).toEqual([...opgaveTags].sort());
      expect(pairs(themes.rows)).toEqual([...themeTags].sort());

      const old = await client.query<{ name: string | null }>(
        `SELECT to_regclass('"_OpgaveToUpdate"')::text AS name UNION ALL SELECT to_regclass('"_ThemeToUpdate"')::text`,
      );
      expect(old.rows.map((row) => row.name)).toEqual([null, null]);

      // The tags stay tied to their rows: deleting an update takes its join rows with it.
      await client.query(`DELETE FROM "Update" WHERE id = 'u2'`);
      const left = await client.query<{ count: number }>(
        `SELECT (SELECT count(*) FROM "UpdateOpgave" WHERE "updateId" = 'u2') + (SELECT count(*) FROM "UpdateTheme" WHERE "updateId" = 'u2') AS count`,
      );
      expect(Number(left.rows[0]!.count)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
