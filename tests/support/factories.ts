/**
 * Test factories: rows made directly with Prisma, so a test sets up exactly
 * what it needs. Every email, slug and CBS code is unique per call.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/accounts/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/permissions";

/** The password every factory user has, unless a test gives another. */
export const TEST_PASSWORD = "Fiets-en-trein-42";

let counter = 0;
/** A short unique suffix for emails, slugs and codes. */
export function unique(): string {
  counter += 1;
  return `${counter}${randomBytes(3).toString("hex")}`;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${unique()}@example.nl`;
}

// argon2 is deliberately slow: hash each distinct password once per file.
const hashes = new Map<string, Promise<string>>();
export function passwordHashFor(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

export async function createMunicipality(overrides: { name?: string } = {}) {
  const suffix = unique();
  return db.municipality.create({
    data: {
      name: overrides.name ?? `Testgemeente ${suffix}`,
      slug: `testgemeente-${suffix}`,
      cbsCode: `GMT${suffix}`,
    },
  });
}

/** An experiment of `municipalityId` (started 2022-01-01), for tests that need an update to hang on. */
export async function createExperiment(municipalityId: string) {
  const suffix = unique();
  return db.experiment.create({
    data: {
      title: `Experiment ${suffix}`,
      slug: `experiment-${suffix}`,
      summary: "Samenvatting",
      municipalityId,
      startDate: new Date("2022-01-01"),
    },
  });
}

export type CreateUserOptions = {
  role?: Role;
  municipalityId?: string | null;
  password?: string;
  email?: string;
  name?: string;
  blocked?: boolean;
};

export async function createUser(options: CreateUserOptions = {}) {
  const role = options.role ?? "MEMBER";
  let municipalityId = options.municipalityId ?? null;
  // A project leader always belongs to a municipality.
  if (role === "PROJECT_LEADER" && options.municipalityId === undefined) municipalityId = (await createMunicipality()).id;
  return db.user.create({
    data: {
      email: options.email ?? uniqueEmail(role.toLowerCase()),
      name: options.name ?? `Test ${role.toLowerCase()} (test)`,
      role,
      municipalityId,
      passwordHash: await passwordHashFor(options.password ?? TEST_PASSWORD),
      blockedAt: options.blocked ? new Date() : null,
    },
  });
}

/** The `{ id, role, municipalityId }` the services take as actor. */
export function actorOf(user: { id: string; role: Role; municipalityId: string | null }): Actor {
  return { id: user.id, role: user.role, municipalityId: user.municipalityId };
}

export async function createActor(role: Role, options: Omit<CreateUserOptions, "role"> = {}): Promise<Actor> {
  return actorOf(await createUser({ ...options, role }));
}

/** The token at the end of a link like `…/uitnodiging/<token>` in an email text. */
export function tokenFromEmail(text: string, path: "uitnodiging" | "wachtwoord-herstellen"): string {
  const match = text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`No /${path}/ link in the email:\n${text}`);
  return match[1]!;
}

/** All emails recorded for one address, oldest first. */
export function emailsTo(to: string) {
  return db.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}
