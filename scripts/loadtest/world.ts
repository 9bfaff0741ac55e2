/**
 * What the load test's people work with, read from the (copied) bench
 * database: the bench project leaders as people, a spread of published
 * updates to open, comment on and mark, and opgaven and municipalities to
 * filter by. Then each person signs in over HTTP once.
 */
import pg from "pg";
import { BENCH_PASSWORD } from "../bench/generate";
import { signInCookie } from "./sign-in";

export type Person = { id: string; email: string; cookie: string };
export type Target = { id: string; authorId: string };

export type World = {
  people: Person[];
  updates: Target[];
  opgaven: string[];
  municipalities: string[];
  /** The word the bench searches for (many matches, a GIN index scan). */
  searchWord: string;
};

const UPDATES_SAMPLE = 2_000;

export async function readWorld(
  databaseUrl: string,
  { people }: { people: number },
): Promise<Omit<World, "people"> & { people: Omit<Person, "cookie">[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const persons = await client.query<{ id: string; email: string }>(
      `SELECT id, email FROM "User" WHERE email LIKE '%@bench.example.nl' AND "blockedAt" IS NULL ORDER BY email LIMIT $1`,
      [people],
    );
    if (persons.rows.length < people) throw new Error(`De benchgegevens hebben ${persons.rows.length} projectleiders; nodig: ${people}.`);
    // md5(id): a spread over all experiments and years that is the same on every run.
    const updates = await client.query<Target>(
      `SELECT id, "authorId" FROM "Update" WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL AND "commentsLockedAt" IS NULL ORDER BY md5(id) LIMIT $1`,
      [UPDATES_SAMPLE],
    );
    const opgaven = await client.query<{ slug: string }>(`SELECT slug FROM "Opgave" WHERE "archivedAt" IS NULL ORDER BY "sortOrder", slug`);
    const municipalities = await client.query<{ slug: string }>(
      `SELECT m.slug FROM "Municipality" m JOIN "Experiment" e ON e."municipalityId" = m.id GROUP BY m.slug ORDER BY count(*) DESC, m.slug LIMIT 10`,
    );
    return {
      people: persons.rows,
      updates: updates.rows,
      opgaven: opgaven.rows.map((row) => row.slug),
      municipalities: municipalities.rows.map((row) => row.slug),
      searchWord: "warmtepompen",
    };
  } finally {
    await client.end();
  }
}

/** Signs everyone in, a few at a time (each sign-in is an argon2 check on the server). */
export async function signInEveryone(baseUrl: string, people: Omit<Person, "cookie">[]): Promise<Person[]> {
  const signedIn: Person[] = [];
  for (let index = 0; index < people.length; index += 4) {
    const batch = people.slice(index, index + 4);
    signedIn.push(
      ...(await Promise.all(
        batch.map(async (person) => ({ ...person, cookie: await signInCookie(baseUrl, person.email, BENCH_PASSWORD) })),
      )),
    );
  }
  return signedIn;
}
