import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { onShutdown, SHUTDOWN_ORDER } from "@/lib/shutdown";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL ontbreekt: start de app met `npm start` of `npm run dev`, die de database regelen.");
  }
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  // On SIGTERM the server closes the pool after the last request and the scheduler's last tick.
  onShutdown("database", SHUTDOWN_ORDER.pool, () => client.$disconnect());
  return client;
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
