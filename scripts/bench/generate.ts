/**
 * The bench programme generator: municipalities with wijken, project leaders,
 * experiments, updates (with their opgaven and themes) and comments, inserted
 * in bulk through `pg` on top of the demo base (opgaven and themes come from
 * the demo seed). Deterministic: the same seed and size give the same rows,
 * ids included (the demo seed's own rows keep Prisma's random ids).
 *
 * The work is a list of steps (STEPS), each with its own random stream
 * (derived from the seed and the step's name), so a new step (appreciations,
 * follows, notifications …) can be added without changing what the earlier
 * steps make. The last step makes one busy update (BUSY_UPDATE: 300 comments,
 * 50 "nuttig" marks) whose id the marker records for `npm run bench`.
 */
import type pg from "pg";
import { DEMO_PASSWORD } from "../../lib/seed/demo-data";
import { insertRows, type Cell } from "./insert";
import { BENCH_MUNICIPALITIES, FIRST_NAMES, LAST_NAMES, WIJK_NAMES, WIJK_SUFFIXES } from "./names";
import { Random } from "./prng";
import { composeBody, composeComment, composeSummary, composeTitle, EXPERIMENT_SUBJECTS, MILESTONES, slugify } from "./text";

export type BenchSize = {
  municipalities: number;
  /** On average; each municipality gets 2–4 when this is 3. */
  wijkenPerMunicipality: number;
  experiments: number;
  projectLeaders: number;
  publishedUpdates: number;
  drafts: number;
  withdrawn: number;
  /** About this many comments (replies included) over the published and withdrawn updates; each update gets 0–40. */
  comments: number;
  /** The one busy published update `npm run bench` opens (none when absent). */
  busyUpdate?: BusyUpdateSize;
};

/** Exactly this many comments (replies included, in BUSY_THREADS threads) and "nuttig" marks by as many distinct people. */
export type BusyUpdateSize = { comments: number; appreciations: number };

/** The busy update of the issue: an update page with 300 comments and 50 appreciations. */
export const BUSY_UPDATE: BusyUpdateSize = { comments: 300, appreciations: 50 };
/** Comments on the busy update that their authors deleted, besides the visible ones. */
const BUSY_DELETED = 3;
/** Threads of the busy update's comments (25: the shape the bench has always measured). */
const BUSY_THREADS = 25;

/** The programme `npm run bench:data` makes. */
export const FULL_SIZE: BenchSize = {
  municipalities: 50,
  wijkenPerMunicipality: 3,
  experiments: 500,
  projectLeaders: 200,
  publishedUpdates: 20_000,
  drafts: 300,
  withdrawn: 100,
  comments: 200_000,
  busyUpdate: BUSY_UPDATE,
};

export const BENCH_SEED = 20_261_128;

/** Bench accounts share the demo password (README), hashed once, ahead of time (argon2id, the app's parameters). */
export const BENCH_PASSWORD = DEMO_PASSWORD;
export const BENCH_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$q1DjHB9lCnDRDe4mv/cJaQ$HpUCpFs67sa4+VUXWD4amtVPosqkTIvbBF90zGunSGM";

/** Key of the Setting row that marks a database as holding bench data (value: BenchMarker). */
export const BENCH_SETTING_KEY = "bench";

/**
 * Version of what the generator makes. Raise it when `npm run bench` needs
 * something older bench data lacks; such a database is then refused with
 * "npm run bench:data -- --force" (benchMarkerProblem). 1 (no version in the
 * marker): the first generator; 2: the busy update (busyUpdateId).
 */
export const BENCH_DATA_VERSION = 2;

export type BenchMarker = {
  /** BENCH_DATA_VERSION of the generator that made the data; absent before version 2. */
  version?: number;
  seed: number;
  size: BenchSize;
  /** A project leader to sign in as (password BENCH_PASSWORD). */
  signInEmail: string;
  /** The busy update (size.busyUpdate), or null when the size asked for none. */
  busyUpdateId?: string | null;
  counts: Record<string, number>;
};

/** Publication dates fall between these (2019–2026). Fixed, so the data does not depend on today. */
const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 15);
const DAY = 86_400_000;

const PHASES = ["VERKENNING", "PLANVORMING", "UITVOERING", "EVALUATIE", "AFGEROND"] as const;
type Phase = (typeof PHASES)[number];

type Tag = { id: string; slug: string };
type Municipality = { id: string; name: string; slug: string; wijken: { id: string; name: string }[]; leaders: string[] };
type Experiment = {
  id: string;
  municipality: Municipality;
  wijk: string;
  startDay: number;
  phase: Phase;
  leaders: string[];
  opgaven: string[];
  weight: number;
};

/** An update that gets `count` comments (its commentCount). */
type Commented = { id: string; experiment: Experiment; publishedAt: number; count: number };

type State = {
  opgaven: Tag[];
  themes: Tag[];
  municipalities: Municipality[];
  experiments: Experiment[];
  commented: Commented[];
  signInEmail: string;
  signInUserId: string;
  busyUpdateId: string | null;
  counts: Record<string, number>;
};

type StepContext = { client: pg.ClientBase; random: Random; size: BenchSize; state: State; now: string };

type Step = { name: string; run: (context: StepContext) => Promise<string> };

const iso = (time: number) => new Date(time).toISOString();
const isoDay = (time: number) => iso(time).slice(0, 10);

/** A 32-bit hash of a string (FNV-1a), to derive a step's random stream from the seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const municipalitiesStep: Step = {
  name: "gemeenten en wijken",
  async run({ client, random, size, state, now }) {
    if (size.municipalities > BENCH_MUNICIPALITIES.length) throw new Error(`At most ${BENCH_MUNICIPALITIES.length} bench municipalities.`);
    const municipalityRows: Cell[][] = [];
    const wijkRows: Cell[][] = [];
    for (const { name, cbsCode } of BENCH_MUNICIPALITIES.slice(0, size.municipalities)) {
      const municipality: Municipality = { id: random.id(), name, slug: slugify(name), wijken: [], leaders: [] };
      municipalityRows.push([municipality.id, name, municipality.slug, cbsCode, now]);
      const spread = Math.max(0, size.wijkenPerMunicipality - 1);
      const count = Math.max(
        1,
        random.int(size.wijkenPerMunicipality - Math.min(1, spread), size.wijkenPerMunicipality + Math.min(1, spread)),
      );
      const names = random.sample(WIJK_NAMES, count);
      if (random.chance(0.4)) names[0] = `${name}-${random.pick(WIJK_SUFFIXES)}`;
      names.forEach((wijkName, index) => {
        const wijk = { id: random.id(), name: wijkName };
        municipality.wijken.push(wijk);
        wijkRows.push([
          wijk.id,
          wijkName,
          slugify(wijkName),
          `WK${cbsCode.slice(2)}${String(index + 1).padStart(2, "0")}`,
          municipality.id,
          now,
        ]);
      });
      state.municipalities.push(municipality);
    }
    state.counts.municipalities = await insertRows(
      client,
      "Municipality",
      ["id", "name", "slug", "cbsCode", "updatedAt"],
      municipalityRows,
    );
    state.counts.wijken = await insertRows(
      client,
      "Neighbourhood",
      ["id", "name", "slug", "cbsCode", "municipalityId", "updatedAt"],
      wijkRows,
    );
    return `${state.counts.municipalities} gemeenten, ${state.counts.wijken} wijken`;
  },
};

const leadersStep: Step = {
  name: "projectleiders",
  async run({ client, random, size, state, now }) {
    const rows: Cell[][] = [];
    for (let i = 0; i < size.projectLeaders; i++) {
      const municipality = state.municipalities[i % state.municipalities.length]!;
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const id = random.id();
      const email = `${slugify(first)}.${slugify(last)}.${String(i + 1).padStart(3, "0")}@bench.example.nl`;
      if (i === 0) {
        state.signInEmail = email;
        state.signInUserId = id;
      }
      municipality.leaders.push(id);
      rows.push([id, email, `${first} ${last} (bench)`, BENCH_PASSWORD_HASH, "PROJECT_LEADER", municipality.id, now]);
    }
    state.counts.projectLeaders = await insertRows(
      client,
      "User",
      ["id", "email", "name", "passwordHash", "role", "municipalityId", "updatedAt"],
      rows,
    );
    return `${state.counts.projectLeaders} projectleiders`;
  },
};

const experimentsStep: Step = {
  name: "experimenten",
  async run({ client, random, size, state, now }) {
    const rows: Cell[][] = [];
    const wijkLinks: Cell[][] = [];
    const leaderLinks: Cell[][] = [];
    const slugs = new Set<string>();
    for (let i = 0; i < size.experiments; i++) {
      const municipality = state.municipalities[i % state.municipalities.length]!;
      const subject = random.pick(EXPERIMENT_SUBJECTS);
      const wijken = random.sample(municipality.wijken, random.chance(0.25) ? 2 : 1);
      const title = `${subject.title} in ${wijken[0]!.name}`;
      let slug = slugify(`${title} ${municipality.slug}`);
      for (let n = 2; slugs.has(slug); n++) slug = slugify(`${title} ${municipality.slug} ${n}`);
      slugs.add(slug);
      const startDay = FIRST_DAY + random.int(0, Math.floor((Date.UTC(2025, 11, 31) - FIRST_DAY) / DAY)) * DAY;
      // Older experiments are further along.
      const age = (LAST_DAY - startDay) / (LAST_DAY - FIRST_DAY);
      const phase = PHASES[Math.min(4, Math.max(0, Math.round(age * 4 + (random.next() - 0.5) * 1.5)))]!;
      const leaders = random.sample(municipality.leaders, random.chance(0.3) ? 2 : 1);
      const experiment: Experiment = {
        id: random.id(),
        municipality,
        wijk: wijken[0]!.name,
        startDay,
        phase,
        leaders,
        opgaven: subject.opgaven,
        // Some experiments write much more than others.
        weight: 0.2 + random.next() ** 2 * 3,
      };
      state.experiments.push(experiment);
      const summary = composeSummary(random, subject.opgaven, { wijk: experiment.wijk, gemeente: municipality.name });
      rows.push([experiment.id, title, slug, summary, municipality.id, phase, isoDay(startDay), now]);
      for (const wijk of wijken) wijkLinks.push([experiment.id, wijk.id]);
      for (const leader of leaders) leaderLinks.push([experiment.id, leader]);
    }
    state.counts.experiments = await insertRows(
      client,
      "Experiment",
      ["id", "title", "slug", "summary", "municipalityId", "phase", "startDate", "updatedAt"],
      rows,
    );
    await insertRows(client, "_ExperimentToNeighbourhood", ["A", "B"], wijkLinks);
    await insertRows(client, "_ExperimentLeaders", ["A", "B"], leaderLinks);
    return `${state.counts.experiments} experimenten`;
  },
};

const UPDATE_COLUMNS = [
  "id",
  "experimentId",
  "authorId",
  "title",
  "body",
  "phase",
  "milestone",
  "status",
  "publishedAt",
  "withdrawnAt",
  "commentCount",
  "createdAt",
  "updatedAt",
];

const updatesStep: Step = {
  name: "updates",
  async run({ client, random, size, state }) {
    const opgaveIds = new Map(state.opgaven.map((opgave) => [opgave.slug, opgave.id]));
    const weights = state.experiments.map((experiment) => experiment.weight);
    // 0–40 comments per update, most with few: round(4·mean·r³) has the wanted mean (E[r³] = ¼).
    const meanComments = size.comments / Math.max(1, size.publishedUpdates + size.withdrawn);
    const commentsFor = () => Math.min(40, Math.round(4 * meanComments * random.next() ** 3));
    const opgaveLinks: Cell[][] = [];
    const themeLinks: Cell[][] = [];
    const statuses: ("PUBLISHED" | "DRAFT" | "WITHDRAWN")[] = [
      ...Array<"PUBLISHED">(size.publishedUpdates).fill("PUBLISHED"),
      ...Array<"DRAFT">(size.drafts).fill("DRAFT"),
      ...Array<"WITHDRAWN">(size.withdrawn).fill("WITHDRAWN"),
    ];

    function* rows(): Generator<Cell[]> {
      for (const status of statuses) {
        const experiment = state.experiments[random.weighted(weights)]!;
        const id = random.id();
        const author = random.pick(experiment.leaders.length ? experiment.leaders : experiment.municipality.leaders);
        // Mostly the experiment's own opgaven, sometimes another one.
        const slugs = new Set<string>([random.chance(0.85) ? random.pick(experiment.opgaven) : random.pick(state.opgaven).slug]);
        const extra = random.int(0, 2);
        for (let i = 0; i < extra; i++) slugs.add(random.chance(0.5) ? random.pick(experiment.opgaven) : random.pick(state.opgaven).slug);
        const opgaven = [...slugs].filter((slug) => opgaveIds.has(slug));
        for (const slug of opgaven) opgaveLinks.push([opgaveIds.get(slug)!, id]);
        for (const theme of random.sample(state.themes, random.chance(0.6) ? 1 : 2)) themeLinks.push([theme.id, id]);

        const context = { wijk: experiment.wijk, gemeente: experiment.municipality.name };
        const title = composeTitle(random, opgaven.length ? opgaven : experiment.opgaven, context);
        const body = composeBody(random, opgaven.length ? opgaven : experiment.opgaven, context, random.int(80, 400));
        const from = Math.max(experiment.startDay, FIRST_DAY);
        const publishedAt = from + Math.floor(random.next() * (LAST_DAY - from));
        const progress = (publishedAt - from) / Math.max(1, LAST_DAY - from);
        const phase = PHASES[Math.min(PHASES.indexOf(experiment.phase), Math.floor(progress * (PHASES.indexOf(experiment.phase) + 1)))]!;
        const milestone = random.chance(0.12) ? random.pick(MILESTONES) : null;
        const createdAt = publishedAt - random.int(0, 5 * 24) * 3_600_000;
        const edited = random.chance(0.1) ? publishedAt + random.int(1, 30) * DAY : publishedAt;
        const commentCount = status === "DRAFT" ? 0 : commentsFor();
        if (commentCount) state.commented.push({ id, experiment, publishedAt, count: commentCount });
        if (status === "PUBLISHED") {
          yield [
            id,
            experiment.id,
            author,
            title,
            body,
            phase,
            milestone,
            status,
            iso(publishedAt),
            null,
            commentCount,
            iso(createdAt),
            iso(Math.min(edited, LAST_DAY)),
          ];
        } else if (status === "WITHDRAWN") {
          const withdrawnAt = Math.min(LAST_DAY, publishedAt + random.int(1, 60) * DAY);
          yield [
            id,
            experiment.id,
            author,
            title,
            body,
            phase,
            milestone,
            status,
            iso(publishedAt),
            iso(withdrawnAt),
            commentCount,
            iso(createdAt),
            iso(withdrawnAt),
          ];
        } else {
          yield [id, experiment.id, author, title, body, phase, milestone, status, null, null, 0, iso(createdAt), iso(createdAt)];
        }
      }
    }

    // "search" is a generated column: never inserted.
    const inserted = await insertRows(client, "Update", UPDATE_COLUMNS, rows());
    state.counts.updates = inserted;
    state.counts.publishedUpdates = size.publishedUpdates;
    state.counts.opgaveLinks = await insertRows(client, "UpdateOpgave", ["opgaveId", "updateId"], opgaveLinks);
    state.counts.themeLinks = await insertRows(client, "UpdateTheme", ["themeId", "updateId"], themeLinks);
    return `${size.publishedUpdates} gepubliceerd, ${size.drafts} concepten, ${size.withdrawn} ingetrokken; ${state.counts.opgaveLinks} opgave- en ${state.counts.themeLinks} themakoppelingen`;
  },
};

/**
 * Comments: each published or withdrawn update gets exactly its commentCount
 * comments (as the comment service keeps it: visible comments, replies
 * included), about a third of them replies in a thread (one level, as the
 * app has it), by project leaders, after the update's publication.
 */
const commentsStep: Step = {
  name: "reacties",
  async run({ client, random, state }) {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'Comment'`);
    if (!rowCount) {
      state.counts.comments = 0;
      return "overgeslagen: er is geen Comment-tabel (commentCount blijft een verzonnen getal)";
    }
    const authors = state.municipalities.flatMap((municipality) => municipality.leaders);
    function* rows(): Generator<Cell[]> {
      for (const update of state.commented) {
        const context = { wijk: update.experiment.wijk, gemeente: update.experiment.municipality.name };
        const threads: { root: string; members: string[] }[] = [];
        let at = update.publishedAt;
        for (let i = 0; i < update.count; i++) {
          at = Math.min(LAST_DAY, at + random.int(10, 3 * 24 * 60) * 60_000);
          const id = random.id();
          const thread = threads.length && random.chance(0.35) ? random.pick(threads) : null;
          const replyTo = thread ? random.pick(thread.members) : null;
          if (thread) thread.members.push(id);
          else threads.push({ root: id, members: [id] });
          yield [
            id,
            update.id,
            random.pick(authors),
            thread?.root ?? null,
            replyTo,
            composeComment(random, context, Boolean(thread)),
            iso(at),
          ];
        }
      }
    }
    state.counts.comments = await insertRows(
      client,
      "Comment",
      ["id", "updateId", "authorId", "parentId", "replyToId", "body", "createdAt"],
      rows(),
    );
    return `${state.counts.comments} reacties op ${state.commented.length} updates`;
  },
};

/**
 * The busy update: one published update, recent, by a project leader other
 * than the bench's sign-in account, with exactly `busyUpdate.comments`
 * comments and `busyUpdate.appreciations` "nuttig" marks by as many distinct
 * people (a few on the update, most on comments; never on one's own).
 *
 * The comments form BUSY_THREADS threads (the shape the bench has always
 * measured); the page shows its first page of comments (COMMENTS_PER_PAGE).
 * Threads open over time; a reply joins an open thread, busier and newer
 * threads more often (so some grow long, some get no reply), and answers the
 * thread's first comment or one of its replies. About 25 authors from
 * several municipalities, the update's author among them answering often, and
 * the sign-in account a few times (so the page shows its edit and delete
 * buttons). Besides those, three comments were deleted by their authors (a
 * thread's first comment, a reply someone answered, one nobody answered):
 * commentCount counts the visible ones only, as the comment service keeps it.
 */
const busyUpdateStep: Step = {
  name: "drukke update",
  async run({ client, random, size, state }) {
    const busy = size.busyUpdate;
    if (!busy) return "overgeslagen (geen busyUpdate in de grootte)";
    const { rowCount } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1::text[])`, [
      ["Comment", "Appreciation"],
    ]);
    if (rowCount !== 2) return "overgeslagen: er is geen Comment- of Appreciation-tabel";
    const leaders = state.municipalities.flatMap((municipality) => municipality.leaders);
    const withLeaders = state.experiments.filter((experiment) => experiment.leaders.length);
    const candidates = withLeaders.filter((experiment) => !experiment.leaders.includes(state.signInUserId));
    if (!withLeaders.length) return "overgeslagen: geen experiment met een projectleider";
    const experiment = random.pick(candidates.length ? candidates : withLeaders);
    const author = random.pick(experiment.leaders);
    const context = { wijk: experiment.wijk, gemeente: experiment.municipality.name };

    // The update: published six weeks before the data's last day, still being discussed.
    const id = random.id();
    const publishedAt = LAST_DAY - 45 * DAY + random.int(0, 12 * 60) * 60_000;
    const opgaveIds = new Map(state.opgaven.map((opgave) => [opgave.slug, opgave.id]));
    const opgaven = random.sample(experiment.opgaven, Math.min(2, experiment.opgaven.length)).filter((slug) => opgaveIds.has(slug));
    const title = composeTitle(random, opgaven.length ? opgaven : experiment.opgaven, context);
    const body = composeBody(random, opgaven.length ? opgaven : experiment.opgaven, context, 350);
    const phase = experiment.phase === "AFGEROND" ? "EVALUATIE" : experiment.phase;
    await insertRows(client, "Update", UPDATE_COLUMNS, [
      [
        id,
        experiment.id,
        author,
        title,
        body,
        phase,
        random.pick(MILESTONES),
        "PUBLISHED",
        iso(publishedAt),
        null,
        busy.comments,
        iso(publishedAt - 2 * 3_600_000),
        iso(publishedAt),
      ],
    ]);
    await insertRows(
      client,
      "UpdateOpgave",
      ["opgaveId", "updateId"],
      opgaven.map((slug) => [opgaveIds.get(slug)!, id]),
    );
    await insertRows(
      client,
      "UpdateTheme",
      ["themeId", "updateId"],
      random.sample(state.themes, 2).map((theme) => [theme.id, id]),
    );

    // Comments: `busy.comments` visible ones plus BUSY_DELETED that their authors deleted. Which ones open a
    // thread (the first always): BUSY_THREADS threads, the thread a deleted first comment holds together included.
    const total = busy.comments + BUSY_DELETED;
    const threadCount = Math.min(BUSY_THREADS, busy.comments);
    const opens = new Set([
      0,
      ...random.sample(
        Array.from({ length: total - 1 }, (_, i) => i + 1),
        threadCount - 1,
      ),
    ]);
    const others = random.sample(
      leaders.filter((leader) => leader !== author && leader !== state.signInUserId),
      23,
    );
    const pickAuthor = () =>
      random.chance(0.15) || !others.length ? author : random.chance(0.03) ? state.signInUserId : random.pick(others);
    /** `thread`: its index in `threads`; `answers`: how many later replies answer it. */
    type BusyComment = { id: string; author: string; thread: number; answers: number; at: number; row: Cell[] };
    const threads: { root: BusyComment; members: BusyComment[]; opened: number }[] = [];
    const comments: BusyComment[] = [];
    // Mean gap: 90 % of the time left up to the data's last day, spread over the comments.
    const gap = Math.max(10, Math.floor((0.9 * (LAST_DAY - publishedAt)) / 60_000 / total));
    let at = publishedAt;
    for (let i = 0; i < total; i++) {
      at = Math.min(LAST_DAY, at + random.int(5, 2 * gap) * 60_000);
      const commentId = random.id();
      const commentAuthor = pickAuthor();
      if (opens.has(i)) {
        const comment: BusyComment = {
          id: commentId,
          author: commentAuthor,
          thread: threads.length,
          answers: 0,
          at,
          row: [commentId, id, commentAuthor, null, null, composeComment(random, context, false), iso(at), null],
        };
        threads.push({ root: comment, members: [comment], opened: i });
        comments.push(comment);
        continue;
      }
      // Busier and newer threads draw more replies (the busiest ends up with a few dozen, some with none).
      const index = random.weighted(threads.map((t) => Math.sqrt(t.members.length) / (1 + (i - t.opened) / 25)));
      const thread = threads[index]!;
      const replyTo = random.chance(0.6) ? thread.root : random.pick(thread.members);
      replyTo.answers += 1;
      const comment: BusyComment = {
        id: commentId,
        author: commentAuthor,
        thread: index,
        answers: 0,
        at,
        row: [commentId, id, commentAuthor, thread.root.id, replyTo.id, composeComment(random, context, true), iso(at), null],
      };
      thread.members.push(comment);
      comments.push(comment);
    }

    // Deleted by their authors (deletedAt, the text emptied, as the app does): a thread's first comment with
    // replies ("verwijderd" holds the thread together), a reply that a later reply answers (its quote says
    // "verwijderd") and a reply nobody answered (gone from the page). Never one of the last comments: those
    // are dropped instead when a small programme lacks one of the kinds, so exactly `busy.comments` stay visible.
    const early = comments.slice(0, Math.max(0, total - BUSY_DELETED));
    const deleted = new Set<BusyComment>();
    const isRoot = (comment: BusyComment) => threads[comment.thread]!.root === comment;
    const goneRoot = early.filter((comment) => isRoot(comment) && threads[comment.thread]!.members.length >= 3);
    if (goneRoot.length) deleted.add(random.pick(goneRoot));
    const elsewhere = early.filter((comment) => !isRoot(comment) && ![...deleted].some((gone) => gone.thread === comment.thread));
    const answered = elsewhere.filter((comment) => comment.answers > 0);
    if (answered.length) deleted.add(random.pick(answered));
    const unanswered = elsewhere.filter((comment) => comment.answers === 0 && !deleted.has(comment));
    if (unanswered.length && deleted.size < BUSY_DELETED) deleted.add(random.pick(unanswered));
    const kept = comments.slice(0, total - (BUSY_DELETED - deleted.size));
    for (const comment of deleted) {
      comment.row[5] = "";
      comment.row[7] = iso(Math.min(LAST_DAY, comment.at + random.int(10, 24 * 60) * 60_000));
    }
    const visible = kept.filter((comment) => !deleted.has(comment));
    const inserted = await insertRows(
      client,
      "Comment",
      ["id", "updateId", "authorId", "parentId", "replyToId", "body", "createdAt", "deletedAt"],
      kept.map((comment) => comment.row),
    );
    state.counts.busyComments = inserted - deleted.size;
    state.counts.busyDeleted = deleted.size;
    state.counts.busyThreads = new Set(kept.map((comment) => comment.thread)).size;

    // "Nuttig": distinct people, a fifth on the update, the rest on comments (first comments of threads more often), never their own.
    // The sign-in account is the last one, on a comment: the page then shows a mark of the reader's own.
    // (A small test programme may have fewer project leaders than marks: then each of them marks once.)
    const appreciators = random.sample(
      leaders.filter((leader) => leader !== author && leader !== state.signInUserId),
      busy.appreciations - 1,
    );
    if (state.signInUserId !== author) appreciators.push(state.signInUserId);
    const onUpdate = Math.max(1, Math.round(busy.appreciations / 5));
    const marks: Cell[][] = [];
    const roots = new Set(threads.map((thread) => thread.root.id));
    appreciators.forEach((user, index) => {
      const markedAt = iso(Math.min(LAST_DAY, publishedAt + random.int(1, 40 * 24) * 3_600_000));
      if (index < onUpdate) {
        marks.push([random.id(), user, id, null, markedAt]);
        return;
      }
      const theirs = visible.filter((comment) => comment.author !== user);
      if (!theirs.length) return;
      const target = theirs[random.weighted(theirs.map((comment) => (roots.has(comment.id) ? 4 : 1)))]!;
      marks.push([random.id(), user, null, target.id, markedAt]);
    });
    state.counts.busyAppreciations = await insertRows(
      client,
      "Appreciation",
      ["id", "userId", "updateId", "commentId", "createdAt"],
      marks,
    );
    state.busyUpdateId = id;
    return (
      `${id}: ${state.counts.busyComments} zichtbare reacties (en ${deleted.size} verwijderd) in ${state.counts.busyThreads} draden, ` +
      `${onUpdate}× nuttig op de update en ${marks.length - onUpdate}× op reacties`
    );
  },
};

export const STEPS: readonly Step[] = [municipalitiesStep, leadersStep, experimentsStep, updatesStep, commentsStep, busyUpdateStep];

/**
 * Generates the programme in one transaction on `client` (so a failure leaves
 * nothing behind) and marks the database with the BENCH_SETTING_KEY setting.
 * The demo opgaven and themes must be there (seedDemo). Run ANALYZE afterwards
 * (analyzeBenchTables), outside the transaction.
 */
export async function generateProgramme(
  client: pg.ClientBase,
  { size = FULL_SIZE, seed = BENCH_SEED, log = () => {} }: { size?: BenchSize; seed?: number; log?: (line: string) => void } = {},
): Promise<BenchMarker> {
  const state: State = {
    opgaven: [],
    themes: [],
    municipalities: [],
    experiments: [],
    commented: [],
    signInEmail: "",
    signInUserId: "",
    busyUpdateId: null,
    counts: {},
  };
  await client.query("BEGIN");
  try {
    state.opgaven = (await client.query<Tag>(`SELECT id, slug FROM "Opgave" WHERE "archivedAt" IS NULL ORDER BY "sortOrder", slug`)).rows;
    state.themes = (await client.query<Tag>(`SELECT id, slug FROM "Theme" WHERE "archivedAt" IS NULL ORDER BY "sortOrder", slug`)).rows;
    if (!state.opgaven.length || !state.themes.length) throw new Error("Geen opgaven of thema's: laad eerst het demoprogramma (seedDemo).");
    const now = iso(LAST_DAY);
    for (const step of STEPS) {
      const started = performance.now();
      const summary = await step.run({ client, random: new Random(seed ^ hash(step.name)), size, state, now });
      log(`${step.name}: ${summary} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    const marker: BenchMarker = {
      version: BENCH_DATA_VERSION,
      seed,
      size,
      signInEmail: state.signInEmail,
      busyUpdateId: state.busyUpdateId,
      counts: state.counts,
    };
    await client.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2, $3)`, [
      BENCH_SETTING_KEY,
      JSON.stringify(marker),
      now,
    ]);
    await client.query("COMMIT");
    return marker;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * VACUUM ANALYZE of the tables the generator filled: fresh statistics for the
 * planner, and a visibility map as autovacuum would have left it on a
 * long-lived database (index-only scans depend on it).
 */
export async function analyzeBenchTables(client: pg.ClientBase): Promise<void> {
  const tables = [
    "Municipality",
    "Neighbourhood",
    "User",
    "Experiment",
    "_ExperimentToNeighbourhood",
    "_ExperimentLeaders",
    "Update",
    "UpdateOpgave",
    "UpdateTheme",
    "Opgave",
    "Theme",
    "Comment",
    "Appreciation",
  ];
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1::text[])`,
    [tables],
  );
  await client.query(`VACUUM (ANALYZE) ${rows.map((row) => `"${row.name}"`).join(", ")}`);
}

/** The bench marker of the database, or null when it holds no bench data. */
export async function readBenchMarker(client: pg.ClientBase): Promise<BenchMarker | null> {
  const { rows } = await client
    .query<{ value: BenchMarker }>(`SELECT value FROM "Setting" WHERE key = $1`, [BENCH_SETTING_KEY])
    .catch(() => ({ rows: [] }));
  return rows[0]?.value ?? null;
}

/**
 * Why `npm run bench` cannot use this marker's data, or null when it can:
 * data from an older generator (BENCH_DATA_VERSION) lacks what the bench now
 * measures, e.g. the busy update.
 */
export function benchMarkerProblem(marker: BenchMarker): string | null {
  const version = marker.version ?? 1;
  if (version < BENCH_DATA_VERSION || (marker.size.busyUpdate && !marker.busyUpdateId)) {
    return `De benchgegevens zijn van een oudere versie van de generator (versie ${version}, nu ${BENCH_DATA_VERSION}: o.a. de drukke update met ${BUSY_UPDATE.comments} reacties ontbreekt). Maak ze opnieuw: npm run bench:data -- --force`;
  }
  if (version > BENCH_DATA_VERSION)
    return `De benchgegevens zijn van een nieuwere generator (versie ${version}, deze code kent ${BENCH_DATA_VERSION}). Maak ze opnieuw: npm run bench:data -- --force`;
  return null;
}
