import { randomBytes } from "node:crypto";
import { databaseUrl, query } from "./database";
import { seedDiscussionWorld, type DiscussionWorld } from "./discussion-world";

/**
 * The attack suite's own world (no demo data): the discussion world's
 * municipality, experiment, project leader with a published update and
 * members, plus a coordinator and an admin. Everyone shares one password.
 */
export type Person = { id: string; email: string };
export type AttackWorld = DiscussionWorld & {
  tag: string;
  coordinator: Person;
  admin: Person;
  experimentId: string;
  experimentSlug: string;
  municipalityId: string;
  municipalityName: string;
  municipalitySlug: string;
  authorName: string;
  /** A plain opgave and theme of the world's own, so an update can be published without demo data. */
  opgave: { name: string; slug: string };
  theme: { name: string; slug: string };
};

async function addStaff(world: DiscussionWorld, role: "COORDINATOR" | "ADMIN", tag: string): Promise<Person> {
  const person = { id: `e2ea${role.toLowerCase()}${tag}`, email: `e2e-attack-${role.toLowerCase()}-${tag}@example.nl` };
  // The same password as everyone in the world: copy the stored hash.
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT $1, $2, $3, "passwordHash", $4::"Role", now() FROM "User" WHERE id = $5`,
    [person.id, person.email, `${role === "ADMIN" ? "Beheerder" : "Coördinator"} ${tag} (e2e)`, role, world.author.id],
  );
  return person;
}

export async function seedAttackWorld({ members = 2 }: { members?: number } = {}): Promise<AttackWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members });
  const tag = randomBytes(4).toString("hex");
  const [coordinator, admin] = [await addStaff(world, "COORDINATOR", tag), await addStaff(world, "ADMIN", tag)];
  const [row] = await query<{
    experimentId: string;
    experimentSlug: string;
    municipalityId: string;
    municipalityName: string;
    municipalitySlug: string;
    authorName: string;
  }>(
    `SELECT e.id AS "experimentId", e.slug AS "experimentSlug", m.id AS "municipalityId", m.name AS "municipalityName", m.slug AS "municipalitySlug", a.name AS "authorName"
       FROM "Update" u JOIN "Experiment" e ON e.id = u."experimentId" JOIN "Municipality" m ON m.id = e."municipalityId" JOIN "User" a ON a.id = u."authorId"
      WHERE u.id = $1`,
    [world.updateId],
  );
  const opgave = { name: `Proefopgave ${tag}`, slug: `proefopgave-${tag}` };
  const theme = { name: `Proefthema ${tag}`, slug: `proefthema-${tag}` };
  await query(`INSERT INTO "Opgave" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [`e2eo${tag}`, opgave.name, opgave.slug]);
  await query(`INSERT INTO "Theme" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [`e2et${tag}`, theme.name, theme.slug]);
  return { ...world, tag, coordinator, admin, ...row!, opgave, theme };
}
