import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/accounts/password";
import type { Role } from "../../lib/generated/prisma/enums";
import { databaseUrl, forgetCachedReads, mayWrite } from "./database";

/** The authorization spec's SQL: one connection, people with the world's password, blocks, fresh codes and tokens. */

export type Person = { id: string; email: string; name: string };

export const newId = () => `e2ez${randomBytes(10).toString("hex")}`;
export const newToken = () => randomBytes(24).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

let client: pg.Client | null = null;

/** One connection for the whole spec (seeding and the probes of what a call wrote). */
export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  if (!client) {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
  }
  const rows = (await client.query<T>(text, params)).rows;
  if (mayWrite(text)) await forgetCachedReads(client);
  return rows;
}

export async function closeWorld() {
  await client?.end();
  client = null;
}

let passwordHash: Promise<string> | null = null;

/** A new person of `role` with the world's password (also for calls that end their own session or account). */
export async function addPerson(
  world: { tag: string; password: string },
  role: Role,
  label: string,
  municipalityId: string | null = null,
): Promise<Person> {
  passwordHash ??= hashPassword(world.password);
  const person = {
    id: newId(),
    email: `e2e-authz-${label}-${world.tag}-${randomBytes(3).toString("hex")}@example.nl`.toLowerCase(),
    name: `Authz ${label} ${world.tag} (e2e)`,
  };
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [person.id, person.email, person.name, await passwordHash, role, municipalityId],
  );
  return person;
}

/** Blocks in the database only: the person's session row and cookie stay, so nothing but the block can refuse them. */
export async function blockPerson(person: Person) {
  await sql(`UPDATE "User" SET "blockedAt" = now(), "blockReason" = 'Geblokkeerd voor de autorisatietest' WHERE id = $1`, [person.id]);
}

/** Unused CBS codes `prefix` + `digits` digits, one per caller (createMunicipality and createWijk need fresh ones). */
export async function freeCodes(table: "Municipality" | "Neighbourhood", prefix: string, digits: number, count: number): Promise<string[]> {
  const taken = new Set((await sql<{ cbsCode: string }>(`SELECT "cbsCode" FROM "${table}"`)).map((row) => row.cbsCode));
  const codes: string[] = [];
  while (codes.length < count) {
    const code = `${prefix}${String(Math.floor(Math.random() * 10 ** digits)).padStart(digits, "0")}`;
    if (!taken.has(code) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}
