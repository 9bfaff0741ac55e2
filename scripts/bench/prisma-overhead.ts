/**
 * `node --import tsx scripts/bench/prisma-overhead.ts [--runs=400]`: the CPU
 * this Node process spends per call on the hot reads of /updates and the
 * update page, three ways each — Prisma's model API (as the app read them
 * before), `db.$queryRaw` with the same SQL text, and that text straight on
 * the pg pool (lib/db-sql.ts) — so only changes that save real CPU are kept.
 * PostgreSQL's own work runs in its processes and is not counted here.
 *
 * On the bench database (`npm run bench:data`; DATA_DIR, default ./data/bench)
 * or DATABASE_URL. It adds one Session row for the measured member and removes
 * it again.
 */
import path from "node:path";
import { currentUserSql, findCurrentUser } from "../../lib/accounts/current-user-sql";
import { hashToken } from "../../lib/accounts/tokens";
import { db } from "../../lib/db";
import { queryRows } from "../../lib/db-sql";
import type { Prisma } from "../../lib/generated/prisma/client";
import { unreadNotificationCountSql } from "../../lib/notifications/unread-count-sql";
import { visibleNotificationsWhere } from "../../lib/policy/notifications";
import { activeUserWhere } from "../../lib/policy/users";
import { openDatabase } from "../../lib/postgres/runtime";
import { tagIdsBySlugSql } from "../../lib/updates/table-lookup-sql";
import { parseUpdatesTableParams } from "../../lib/updates/table-params";
import { buildUpdatesTableSql } from "../../lib/updates/table-sql";
import { BENCH_DATA_DIR } from "./config";

const runsFlag = process.argv.find((arg) => arg.startsWith("--runs="));
const RUNS = Math.max(50, Number.parseInt(runsFlag?.slice("--runs=".length) ?? "400", 10) || 400);
const WARMUP = 50;

type Variant = { name: string; call: () => Promise<unknown> };

/** CPU ms (user + system) and wall ms of this process per call of `call`, over RUNS sequential calls after a warm-up. */
async function measure(call: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  for (let i = 0; i < WARMUP; i++) await call();
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < RUNS; i++) await call();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000 / RUNS, wall: (performance.now() - wall) / RUNS };
}

async function bench(title: string, variants: Variant[]) {
  console.log(`\n${title}`);
  for (const variant of variants) {
    const { cpu, wall } = await measure(variant.call);
    console.log(`  ${variant.name.padEnd(34)} CPU ${cpu.toFixed(3).padStart(7)} ms/call   wall ${wall.toFixed(3).padStart(7)} ms/call`);
  }
}

const raw = (sql: Prisma.Sql) => db.$queryRaw(sql);

const database = await openDatabase({ dataDir: path.resolve(process.env.DATA_DIR ?? BENCH_DATA_DIR) });
process.env.DATABASE_URL = database.url;
const sid = `bench-${Date.now()}`;
try {
  const member = await db.user.findFirstOrThrow({ where: { role: "MEMBER", ...activeUserWhere() }, orderBy: { id: "asc" } });
  const [opgave, theme] = await Promise.all([db.opgave.findFirstOrThrow(), db.theme.findFirstOrThrow()]);
  await db.session.create({ data: { sessionToken: hashToken(sid), userId: member.id, expires: new Date(Date.now() + 3_600_000) } });
  const session = { uid: member.id, sv: member.sessionVersion, sid };
  console.log(`${RUNS} calls each after ${WARMUP} to warm up; CPU of this process only.`);

  await bench("session lookup (getCurrentUser)", [
    {
      name: "prisma user.findFirst",
      call: () =>
        db.user.findFirst({
          where: {
            id: session.uid,
            ...activeUserWhere(),
            sessionVersion: session.sv,
            sessions: { some: { sessionToken: hashToken(sid), expires: { gt: new Date() } } },
          },
          select: {
            id: true,
            email: true,
            name: true,
            role: true,
            municipalityId: true,
            locale: true,
            municipality: { select: { id: true, name: true, slug: true } },
          },
        }),
    },
    { name: "$queryRaw", call: () => raw(currentUserSql(session)) },
    { name: "pool (findCurrentUser)", call: () => findCurrentUser(session) },
  ]);

  await bench("notification bell (unread count)", [
    {
      name: "prisma notification.count",
      call: () => db.notification.count({ where: { ...visibleNotificationsWhere(member.id), readAt: null } }),
    },
    { name: "$queryRaw", call: () => raw(unreadNotificationCountSql(member.id)) },
    { name: "pool", call: () => queryRows(unreadNotificationCountSql(member.id)) },
  ]);

  await bench("opgave + theme ids by slug (table filter)", [
    {
      name: "prisma 2× findMany",
      call: () =>
        Promise.all([
          db.opgave.findMany({ where: { slug: { in: [opgave.slug] } }, select: { id: true } }),
          db.theme.findMany({ where: { slug: { in: [theme.slug] } }, select: { id: true } }),
        ]),
    },
    { name: "$queryRaw (one statement)", call: () => raw(tagIdsBySlugSql([opgave.slug], [theme.slug])) },
    { name: "pool (one statement)", call: () => queryRows(tagIdsBySlugSql([opgave.slug], [theme.slug])) },
  ]);

  const table = buildUpdatesTableSql(parseUpdatesTableParams({}), { opgaveIds: [], themeIds: [], onlyStopWords: false });
  await bench("updates table: page of 25 rows + count (already SQL)", [
    { name: "$queryRaw", call: () => Promise.all([raw(table.page), raw(table.count)]) },
    { name: "pool", call: () => Promise.all([queryRows(table.page), queryRows(table.count)]) },
  ]);
} finally {
  await db.session.deleteMany({ where: { sessionToken: hashToken(sid) } });
  await db.$disconnect();
  await database.close();
}
