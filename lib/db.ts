import { appendFileSync, existsSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { onShutdown, SHUTDOWN_ORDER } from "@/lib/shutdown";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL ontbreekt: start de app met `npm start` of `npm run dev`, die de database regelen.");
  }
  const captureFile = process.env.SQL_CAPTURE_FILE;
  // One pool for Prisma and for the hot reads that skip Prisma (lib/db-sql.ts).
  const pool = new pg.Pool({ connectionString });
  const client = new PrismaClient({
    // Disposed with the client, as when the adapter owned it.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    ...(captureFile ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  if (captureFile) captureQueries(client, captureFile);
  // On SIGTERM the server closes the pool after the last request and the scheduler's last tick.
  onShutdown("database", SHUTDOWN_ORDER.pool, () => client.$disconnect());
  return Object.assign(client, { [POOL]: pool });
}

// Symbol.for: Next bundles this module more than once (pages, route handlers), and every copy must find the pool on the shared client.
const POOL = Symbol.for("koppelkans.pool");

/**
 * For `npm run bench` only (the operator sets SQL_CAPTURE_FILE): every statement
 * the app sends while that file exists, one JSON line each, so the bench can
 * replay a page's own SQL through plain pg; it removes the file while it times
 * pages. Synchronous, so lines keep their order.
 */
function captureQueries(client: PrismaClient, file: string) {
  const logging = client as unknown as { $on(event: "query", listener: (event: { query: string; params: string }) => void): void };
  logging.$on("query", (event) => captureStatement(file, event.query, event.params));
}

/** Appends one statement to the capture file while it exists (lib/db-sql.ts writes its statements here too). */
export function captureStatement(file: string, text: string, params: string) {
  if (existsSync(file)) appendFileSync(file, `${JSON.stringify({ text, params })}\n`);
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

/**
 * The one Prisma client. Created on first use, so that tests and scripts can
 * set DATABASE_URL first; cached on globalThis so dev reloads reuse the pool.
 */
export const db: ReturnType<typeof createClient> = new Proxy({} as ReturnType<typeof createClient>, {
  get(_target, property, receiver) {
    globalForPrisma.prisma ??= createClient();
    const value = Reflect.get(globalForPrisma.prisma, property, receiver);
    return typeof value === "function" ? value.bind(globalForPrisma.prisma) : value;
  },
});

export type Db = typeof db;

/** The pg pool under `db` (the same connections), for lib/db-sql.ts. */
export function dbPool(): pg.Pool {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma[POOL];
}
