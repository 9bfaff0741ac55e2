/**
 * A hand-made programme for the programme report's tests, with answers known
 * by counting: March 2026, three municipalities, updates and comments on both
 * sides of the period's edges, and hidden, withdrawn, draft and deleted
 * content that must not count. See tests/programme-report.test.ts.
 */
import { db } from "@/lib/db";
import { createMunicipality, createUser, unique } from "./factories";
import { createExperiment } from "./notification-fixtures";

export const MARCH = { from: "2026-03-01", to: "2026-03-31" } as const;

type UpdateInput = {
  experimentId: string;
  authorId: string;
  publishedAt: string | null;
  status?: "PUBLISHED" | "DRAFT" | "WITHDRAWN";
  hiddenAt?: string;
  opgaveIds?: string[];
  title?: string;
};

async function makeUpdate(input: UpdateInput) {
  return db.update.create({
    data: {
      experimentId: input.experimentId,
      authorId: input.authorId,
      title: input.title ?? `Update ${unique()}`,
      body: "Tekst (test)",
      phase: "UITVOERING",
      status: input.status ?? "PUBLISHED",
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      hiddenAt: input.hiddenAt ? new Date(input.hiddenAt) : null,
      opgaven: { create: (input.opgaveIds ?? []).map((opgaveId) => ({ opgaveId })) },
    },
  });
}

async function makeComment(input: { updateId: string; authorId: string; createdAt: string; deletedAt?: string; hiddenAt?: string }) {
  return db.comment.create({
    data: {
      updateId: input.updateId,
      authorId: input.authorId,
      body: `Reactie ${unique()}`,
      createdAt: new Date(input.createdAt),
      deletedAt: input.deletedAt ? new Date(input.deletedAt) : null,
      hiddenAt: input.hiddenAt ? new Date(input.hiddenAt) : null,
    },
  });
}

async function makeOpgave(name: string, sortOrder: number, archived = false) {
  return db.opgave.create({
    data: { name: `${name} ${unique()}`, slug: `opgave-${unique()}`, sortOrder, archivedAt: archived ? new Date("2025-01-01") : null },
  });
}

/** The world; every id the tests need. */
export async function seedReportWorld() {
  const [a, b, c] = [
    await createMunicipality({ name: "Aagemeente" }),
    await createMunicipality({ name: "Beegemeente" }),
    await createMunicipality({ name: "Ceegemeente" }),
  ];
  const [experimentA, experimentB] = [await createExperiment(a.id), await createExperiment(b.id)];
  const person = (role: "PROJECT_LEADER" | "MEMBER", municipalityId: string | null = null) => createUser({ role, municipalityId });
  const leaderA = await person("PROJECT_LEADER", a.id);
  const leaderA2 = await person("PROJECT_LEADER", a.id);
  const leaderB = await person("PROJECT_LEADER", b.id);
  const leaderB2 = await person("PROJECT_LEADER", b.id);
  const [m1, m2, m3, m4, m5] = [
    await person("MEMBER"),
    await person("MEMBER"),
    await person("MEMBER"),
    await person("MEMBER"),
    await person("MEMBER"),
  ];
  const o1 = await makeOpgave("Een", 1);
  const o2 = await makeOpgave("Twee", 2);
  const o3 = await makeOpgave("Drie", 3);
  const o4 = await makeOpgave("Vier (gearchiveerd)", 4, true);
  const o5 = await makeOpgave("Vijf (gearchiveerd, ongebruikt)", 5, true);

  const A = experimentA.id;
  const B = experimentB.id;
  // Days are Dutch days: March begins at 2026-02-28T23:00Z (CET) and ends at 2026-03-31T22:00Z (CEST since the 29th).
  const u1 = await makeUpdate({ experimentId: A, authorId: leaderA.id, publishedAt: "2026-02-28T23:00:00.000Z" });
  const u2 = await makeUpdate({ experimentId: A, authorId: leaderA.id, publishedAt: "2026-03-31T21:59:59.999Z" });
  const u3 = await makeUpdate({ experimentId: B, authorId: leaderB.id, publishedAt: "2026-03-15T12:00:00.000Z", opgaveIds: [o2.id] });
  // A title a spreadsheet would run as a formula: the CSV must keep it text.
  const u6 = await makeUpdate({
    experimentId: A,
    authorId: leaderA.id,
    publishedAt: "2026-03-02T08:00:00.000Z",
    opgaveIds: [o1.id, o2.id],
    title: `=SOM(1+1) Bewonersavond ${unique()}`,
  });
  const u7 = await makeUpdate({
    experimentId: A,
    authorId: leaderA.id,
    publishedAt: "2026-03-20T12:00:00.000Z",
    opgaveIds: [o1.id, o4.id],
  });
  // Just outside: their comments in March still count.
  const u0 = await makeUpdate({ experimentId: A, authorId: leaderA.id, publishedAt: "2026-02-28T22:59:59.999Z", opgaveIds: [o1.id] });
  const u5 = await makeUpdate({ experimentId: B, authorId: leaderB.id, publishedAt: "2026-03-31T22:00:00.000Z" });
  // Never counted, nor anything on them; their authors are not active people.
  const hidden = await makeUpdate({
    experimentId: A,
    authorId: leaderA2.id,
    publishedAt: "2026-03-10T09:00:00.000Z",
    hiddenAt: "2026-03-12T09:00:00.000Z",
    opgaveIds: [o1.id, o3.id],
  });
  const withdrawn = await makeUpdate({
    experimentId: B,
    authorId: leaderB2.id,
    publishedAt: "2026-03-12T09:00:00.000Z",
    status: "WITHDRAWN",
    opgaveIds: [o3.id],
  });
  const draft = await makeUpdate({ experimentId: A, authorId: leaderA2.id, publishedAt: null, status: "DRAFT", opgaveIds: [o3.id] });

  await makeComment({ updateId: u6.id, authorId: m1.id, createdAt: "2026-03-03T10:00:00.000Z" });
  await makeComment({ updateId: u6.id, authorId: m2.id, createdAt: "2026-03-04T10:00:00.000Z" });
  await makeComment({ updateId: u6.id, authorId: leaderB.id, createdAt: "2026-03-05T10:00:00.000Z" });
  await makeComment({ updateId: u6.id, authorId: m5.id, createdAt: "2026-03-06T10:00:00.000Z", deletedAt: "2026-03-07T10:00:00.000Z" });
  await makeComment({ updateId: u6.id, authorId: m4.id, createdAt: "2026-03-07T10:00:00.000Z", hiddenAt: "2026-03-08T10:00:00.000Z" });
  const onU0 = await makeComment({ updateId: u0.id, authorId: m1.id, createdAt: "2026-03-10T10:00:00.000Z" });
  await makeComment({ updateId: u0.id, authorId: m2.id, createdAt: "2026-02-28T22:59:59.999Z" });
  await makeComment({ updateId: u3.id, authorId: m3.id, createdAt: "2026-03-31T21:59:59.999Z" });
  await makeComment({ updateId: u3.id, authorId: m1.id, createdAt: "2026-03-31T22:00:00.000Z" });
  await makeComment({ updateId: u5.id, authorId: m2.id, createdAt: "2026-04-02T10:00:00.000Z" });
  await makeComment({ updateId: hidden.id, authorId: m4.id, createdAt: "2026-03-11T10:00:00.000Z" });
  await makeComment({ updateId: withdrawn.id, authorId: m5.id, createdAt: "2026-03-13T10:00:00.000Z" });

  return {
    municipalities: { a, b, c },
    opgaven: { o1, o2, o3, o4, o5 },
    updates: { u0, u1, u2, u3, u5, u6, u7, hidden, withdrawn, draft },
    comments: { onU0 },
  };
}

export type ReportWorld = Awaited<ReturnType<typeof seedReportWorld>>;

/** Two lessons: one citing u6 and the comment on u0 in March (and hidden content), one without evidence. */
export async function seedReportLessons(world: ReportWorld, authorId: string) {
  const cited = await db.lesson.create({
    data: {
      title: `Praat vroeg met bewoners ${unique()}`,
      body: "Les (test)",
      status: "BEVESTIGD",
      authorId,
      createdAt: new Date("2026-01-10T10:00:00.000Z"),
      evidence: {
        create: [
          { updateId: world.updates.u6.id, createdAt: new Date("2026-03-20T10:00:00.000Z") },
          { commentId: world.comments.onU0.id, createdAt: new Date("2026-03-21T10:00:00.000Z") },
          // Cites hidden content: stays with the lesson, counts nowhere.
          { updateId: world.updates.hidden.id, createdAt: new Date("2026-03-22T10:00:00.000Z") },
        ],
      },
    },
  });
  const bare = await db.lesson.create({
    data: {
      title: `Verbinden is mensenwerk ${unique()}`,
      body: "Les (test)",
      status: "HYPOTHESE",
      authorId,
      createdAt: new Date("2026-02-01"),
    },
  });
  return { cited, bare };
}
