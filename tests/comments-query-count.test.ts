import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { COMMENTS_PER_PAGE } from "@/lib/comments/schema";
import { explain, seqScansOn } from "../scripts/bench/plans";

// Every SQL statement the app's Prisma client sends is counted while `counting` is on.
const log = vi.hoisted(() => ({ counting: false, queries: [] as string[], params: [] as string[] }));

vi.mock("@/lib/db", async () => {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    if (!log.counting) return;
    log.queries.push(event.query);
    log.params.push(event.params);
  });
  return { db: client };
});

const { db } = await import("@/lib/db");
const { getCommentsForUpdate } = await import("@/lib/comments/queries");
const { getUpdateAppreciation } = await import("@/lib/appreciation/queries");
const { getUpdateForReader } = await import("@/lib/updates/queries");
const { createActor, createExperiment, createMunicipality, createUser, unique } = await import("./support/factories");

type Actor = Awaited<ReturnType<typeof createActor>>;

let author: Actor;
let reader: Actor;
let experimentId: string;

/**
 * An update with `threads` first comments and `repliesPerThread` replies
 * each (a few deleted, some edited, with mentions), plus `appreciations`
 * marks spread over the update and its comments, one of them the reader's.
 */
async function createDiscussion({
  threads,
  repliesPerThread,
  appreciations,
}: {
  threads: number;
  repliesPerThread: number;
  appreciations: number;
}) {
  const update = await db.update.create({
    data: {
      experimentId,
      authorId: author.id,
      title: `Update ${unique()}`,
      body: "Tekst",
      phase: "UITVOERING",
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  const people = await Promise.all(Array.from({ length: Math.max(2, Math.ceil(appreciations / 2)) }, () => createUser()));
  const start = Date.now() - 10_000_000;
  const roots = await db.comment.createManyAndReturn({
    data: Array.from({ length: threads }, (_, index) => ({
      updateId: update.id,
      authorId: people[index % people.length]!.id,
      body: `Reactie ${index} voor @[Lezer](user:${reader.id})`,
      createdAt: new Date(start + index * 1000),
      editedAt: index % 7 === 0 ? new Date() : null,
    })),
    select: { id: true, createdAt: true },
  });
  const replies = await db.comment.createManyAndReturn({
    data: roots.flatMap((root, index) =>
      Array.from({ length: repliesPerThread }, (_, reply) => ({
        updateId: update.id,
        authorId: people[(index + reply + 1) % people.length]!.id,
        parentId: root.id,
        replyToId: root.id,
        body: reply === 1 && index % 5 === 0 ? "" : `Antwoord ${reply}`,
        deletedAt: reply === 1 && index % 5 === 0 ? new Date() : null,
        createdAt: new Date(root.createdAt.getTime() + reply + 1),
      })),
    ),
    select: { id: true },
  });
  const all = [...roots, ...replies];
  await db.mention.createMany({ data: roots.map((root) => ({ commentId: root.id, userId: reader.id })) });
  await db.update.update({
    where: { id: update.id },
    data: { commentCount: await db.comment.count({ where: { updateId: update.id, deletedAt: null } }) },
  });

  // Marks: the update by everyone, the rest on comments (and one by the reader).
  const marks = [
    { userId: reader.id, updateId: update.id },
    { userId: reader.id, commentId: all[0]!.id },
    ...people.map((person) => ({ userId: person.id, updateId: update.id })),
  ];
  for (let index = 0; marks.length < appreciations; index += 1) {
    marks.push({ userId: people[index % people.length]!.id, commentId: all[(index * 3 + 1) % all.length]!.id });
  }
  await db.appreciation.createMany({ data: marks.slice(0, appreciations), skipDuplicates: true });
  expect(await db.comment.count({ where: { updateId: update.id } })).toBe(threads * (1 + repliesPerThread));
  return update;
}

/** The data of an update page as the reader (or the author) loads it, and the SQL it took. */
async function loadPage(actor: Actor, updateId: string) {
  log.queries = [];
  log.params = [];
  log.counting = true;
  try {
    const update = await getUpdateForReader(actor, updateId);
    const [comments, appreciation] = await Promise.all([getCommentsForUpdate(actor, updateId), getUpdateAppreciation(actor, updateId)]);
    return { update, comments, appreciation, queries: [...log.queries], params: [...log.params] };
  } finally {
    log.counting = false;
  }
}

beforeAll(async () => {
  const municipality = await createMunicipality();
  experimentId = (await createExperiment(municipality.id)).id;
  author = await createActor("PROJECT_LEADER", { municipalityId: municipality.id });
  reader = await createActor("MEMBER");
});

describe("queries for an update page", () => {
  it("the number of SQL queries does not grow with the number of comments and appreciations", async () => {
    const small = await createDiscussion({ threads: 5, repliesPerThread: 1, appreciations: 3 });
    const large = await createDiscussion({ threads: 60, repliesPerThread: 4, appreciations: 50 });

    const few = await loadPage(reader, small.id);
    const many = await loadPage(reader, large.id);
    expect(few.queries.length).toBeGreaterThan(0);
    expect(many.queries.length).toBe(few.queries.length);

    // And the large page is really loaded: the first page (whole threads up to 50 comments, of 60 threads) with replies, counts and names.
    const shown = many.comments?.threads.reduce((sum, thread) => sum + 1 + thread.replies.length, 0) ?? 0;
    expect(shown).toBeLessThanOrEqual(COMMENTS_PER_PAGE);
    expect(shown).toBeGreaterThan(COMMENTS_PER_PAGE - 5);
    expect(many.comments?.threads).toHaveLength(10);
    expect(many.comments?.nextComments).toBe(2 * COMMENTS_PER_PAGE);
    expect(many.comments?.threads[0]?.replies.length).toBe(3); // one deleted reply nobody answered is left out
    expect(many.comments?.threads[1]?.replies.length).toBe(4);
    expect(many.comments?.threads[0]).toMatchObject({ appreciatedByMe: true, mentions: { [reader.id]: expect.any(String) } });
    const shownMarks = many.comments?.threads.reduce(
      (sum, thread) => sum + thread.appreciationCount + thread.replies.reduce((n, reply) => n + reply.appreciationCount, 0),
      0,
    );
    expect(shownMarks).toBeGreaterThan(3);
    expect(many.appreciation).toMatchObject({ appreciatedByMe: true, canAppreciate: true, appreciators: null });
    expect(many.appreciation?.count).toBeGreaterThan(10);
  });

  it("also for the update's author, who sees who found it useful", async () => {
    const small = await createDiscussion({ threads: 3, repliesPerThread: 0, appreciations: 2 });
    const large = await createDiscussion({ threads: 75, repliesPerThread: 3, appreciations: 50 });
    const few = await loadPage(author, small.id);
    const many = await loadPage(author, large.id);
    expect(many.queries.length).toBe(few.queries.length);
    expect(many.appreciation?.appreciators?.length).toBe(many.appreciation?.count);
  });

  it('the comment queries have an index path: none has to read all of "Comment"', async () => {
    const large = await createDiscussion({ threads: 30, repliesPerThread: 3, appreciations: 10 });
    const loaded = await loadPage(reader, large.id);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("ANALYZE");
      // At test size the planner may prefer reading the small table; with seqscans off it still must when there is no index path.
      await client.query("SET enable_seqscan = off");
      const commentQueries = loaded.queries.map((text, index) => ({ text, values: JSON.parse(loaded.params[index] ?? "[]") as unknown[] }));
      const onComments = commentQueries.filter((query) => query.text.includes('"Comment"'));
      expect(onComments.length).toBeGreaterThan(2);
      for (const query of onComments) {
        const plan = await explain(client, query);
        expect(seqScansOn(plan, "Comment"), query.text).toEqual([]);
      }
    } finally {
      await client.end();
    }
  });
});
