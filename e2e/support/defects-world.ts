import { randomBytes } from "node:crypto";
import { hashPassword } from "../../lib/accounts/password";
import { query } from "./database";

/** A member of one's own for a defects test (no demo account's language or notifications change). */
export type Person = { id: string; email: string; password: string };

export async function seedPerson(label: string): Promise<Person> {
  const tag = randomBytes(5).toString("hex");
  const person = { id: `e2e${tag}`, email: `e2e-defects-${label}-${tag}@example.nl`, password: `Defect-${tag}-2026` };
  await query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, 'MEMBER', now())`, [
    person.id,
    person.email,
    `Deelnemer ${label} ${tag} (e2e)`,
    await hashPassword(person.password),
  ]);
  return person;
}
