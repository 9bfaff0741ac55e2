/**
 * Helpers for the backup tests: a small world with every kind of row that
 * trips a naive dump (COPY escapes, enum values added by later migrations,
 * the append-only audit log, images), a comparable dump of every table, a
 * way to rewrite an archive, and a database left at an older migration.
 */
import { createWriteStream } from "node:fs";
import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import sharp from "sharp";
import { currentSchema, listTables, qualified } from "@/lib/backup/catalog";
import { readBackupEntries } from "@/lib/backup/read";
import { TAR_END, tarFile, type TarEntry } from "@/lib/backup/tar";
import { db } from "@/lib/db";
import { migrate, MIGRATIONS_DIR } from "@/lib/postgres/migrate";
import { uploadImage } from "@/lib/uploads/service";
import type { UploadStorage } from "@/lib/uploads/storage";
import { actorOf, createUser } from "./factories";
import { createExperiment, createOpgave, createPublishedUpdate, createTheme, postComment } from "./notification-fixtures";

/** Text COPY must escape: tab, newline, backslash, a literal `\N`, and characters beyond ASCII. */
export const AWKWARD_TEXT = "Regel één\n\tingesprongen \\N en \\ een backslash — 🚲 fietsen, 'quotes' \"en\" ;";

export async function seedBackupWorld(storage: UploadStorage) {
  const leader = await createUser({ role: "PROJECT_LEADER", name: AWKWARD_TEXT });
  const member = await createUser({ role: "MEMBER" });
  const coordinator = await createUser({ role: "COORDINATOR" });
  const experiment = await createExperiment(leader.municipalityId!);
  const [opgave, theme] = [await createOpgave(), await createTheme()];
  const update = await createPublishedUpdate({
    authorId: leader.id,
    experimentId: experiment.id,
    opgaveIds: [opgave.id],
    themeIds: [theme.id],
  });
  const first = await postComment({ updateId: update.id, authorId: member.id, body: AWKWARD_TEXT });
  await postComment({ updateId: update.id, authorId: leader.id, replyTo: { id: first.id, authorId: member.id, parentId: null } });
  const request = await db.feedbackRequest.create({
    data: { updateId: update.id, requesterId: leader.id, question: "Wat vinden jullie?" },
  });
  // Enum values added by later migrations (ALTER TYPE … ADD VALUE) must load in the restore's one transaction.
  await db.notification.createMany({
    data: [
      { userId: leader.id, kind: "MODERATION", updateId: update.id, event: "hidden", reason: AWKWARD_TEXT },
      { userId: member.id, kind: "FEEDBACK_REQUEST", updateId: update.id, feedbackRequestId: request.id },
    ],
  });
  await db.auditLog.create({
    data: {
      actorId: coordinator.id,
      action: "update.hide",
      targetType: "UPDATE",
      targetId: update.id,
      reason: AWKWARD_TEXT,
      data: { note: AWKWARD_TEXT },
    },
  });
  const images = [];
  for (const [width, height] of [
    [64, 48],
    [20, 90],
  ] as const) {
    const bytes = await sharp({ create: { width, height, channels: 3, background: { r: width, g: 60, b: height } } })
      .png()
      .toBuffer();
    const result = await uploadImage({ actor: actorOf(leader), file: { name: "foto.png", bytes }, storage });
    if (!result.ok) throw new Error(`upload mislukt: ${JSON.stringify(result)}`);
    images.push(result.data);
  }
  await db.upload.update({ where: { id: images[0]!.id }, data: { updateId: update.id } });
  return { leader, member, update };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error("de schrijver schiet niet op");
    await sleep(10);
  }
}

/** Comments and their notifications, each pair in one transaction, until stopped; ids in commit order. */
export function startWriter(world: { update: { id: string }; member: { id: string }; leader: { id: string } }) {
  const written: string[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const id = await db.$transaction(async (tx) => {
        const comment = await tx.comment.create({
          data: { updateId: world.update.id, authorId: world.member.id, body: `Tijdens de back-up ${written.length}` },
        });
        await tx.notification.create({
          data: { userId: world.leader.id, kind: "COMMENT_ON_UPDATE", updateId: world.update.id, commentId: comment.id },
        });
        return comment.id;
      });
      written.push(id);
    }
  })();
  return {
    written,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every application table's rows as sorted JSON text, read on `client` (which may sit in an imported snapshot). */
export async function dumpRowsWith(client: pg.Client): Promise<Record<string, string[]>> {
  const schema = await currentSchema(client);
  const dump: Record<string, string[]> = {};
  for (const table of await listTables(client, schema)) {
    const { rows } = await client.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS row FROM ${qualified(schema, table.name)} t ORDER BY 1`,
    );
    dump[table.name] = rows.map((row) => row.row);
  }
  return dump;
}

export const dumpRows = (url: string) => withClient(url, dumpRowsWith);

/** What another connection sees in the snapshot a backup exported. */
export const dumpSnapshot = (url: string, snapshotId: string) =>
  withClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`SET TRANSACTION SNAPSHOT '${snapshotId.replaceAll("'", "")}'`);
    try {
      return await dumpRowsWith(client);
    } finally {
      await client.query("ROLLBACK");
    }
  });

/** Schemas a restore builds in; none may be left after it, however it ended. */
export const stagingSchemas = (url: string) =>
  withClient(url, async (client) =>
    (await client.query<{ name: string }>("SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'koppelkans_restore_%'")).rows.map(
      (row) => row.name,
    ),
  );

export const countRows = (url: string, table: string) =>
  withClient(url, async (client) => Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n));

/** Writes a new archive from `source`'s entries as `edit` changes them (a test's damaged or hand-made backup). */
export async function rewriteBackup(source: string, target: string, edit: (entries: TarEntry[]) => TarEntry[]) {
  const entries: TarEntry[] = [];
  for await (const entry of readBackupEntries(source)) entries.push(entry);
  await writeArchive(target, edit(entries));
}

export async function writeArchive(target: string, entries: TarEntry[]) {
  const blocks = entries.flatMap((entry) => tarFile(entry.name, entry.data)).concat(TAR_END);
  await pipeline(Readable.from(blocks), createGzip(), createWriteStream(target));
}

/** A folder with only the migrations up to and including `last`: this code as it was then. */
export async function migrationsUpTo(last: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "kk-old-migrations-"));
  for (const name of (await readdir(MIGRATIONS_DIR)).sort()) {
    if (name > last) break;
    await cp(path.join(MIGRATIONS_DIR, name), path.join(folder, name), { recursive: true });
  }
  return folder;
}

/** An update tagged through Prisma's old implicit join tables, in a database migrated up to `last`. */
export async function seedOldDatabase(url: string, last: string) {
  await migrate(url, { dir: await migrationsUpTo(last) });
  return withClient(url, async (client) => {
    await client.query(`
      INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ('m1', 'Oudgemeente', 'oudgemeente', 'GM0001', now());
      INSERT INTO "User" (id, email, name, role, "municipalityId", "updatedAt") VALUES ('u1', 'oud@example.nl', 'Oude Leider', 'PROJECT_LEADER', 'm1', now());
      INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", "startDate", "updatedAt")
        VALUES ('e1', 'Oud experiment', 'oud-experiment', 'Samenvatting', 'm1', '2022-01-01', now());
      INSERT INTO "Opgave" (id, name, slug, "updatedAt") VALUES ('o1', 'Oude opgave', 'oude-opgave', now());
      INSERT INTO "Theme" (id, name, slug, "updatedAt") VALUES ('t1', 'Oud thema', 'oud-thema', now());
      INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
        VALUES ('p1', 'e1', 'u1', 'Oude update', 'Tekst', 'UITVOERING', 'PUBLISHED', now(), now());
      INSERT INTO "_OpgaveToUpdate" ("A", "B") VALUES ('o1', 'p1');
      INSERT INTO "_ThemeToUpdate" ("A", "B") VALUES ('t1', 'p1');
      INSERT INTO "Notification" (id, "userId", kind, "updateId", event) VALUES ('n1', 'u1', 'MODERATION', 'p1', 'hidden');`);
  });
}
