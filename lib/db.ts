import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL ontbreekt: start de app met `npm start` of `npm run dev`, die de database regelen.");
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
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
