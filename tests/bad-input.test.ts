import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formValues } from "@/lib/action-result";
import { db } from "@/lib/db";
import { createFeedToken } from "@/lib/feeds/service";
import type { Actor } from "@/lib/policy/permissions";
import { idParam, isId, isSlug, slugParam } from "@/lib/route-params";
import { collectUpdatesForExport } from "@/lib/updates/export";
import { searchQueryNodes, searchUpdates } from "@/lib/updates/queries";
import { isCalendarDate, parseUpdatesTableParams } from "@/lib/updates/table-params";
import { websearchText } from "@/lib/updates/table-sql";
import { actorOf, createMunicipality, createUser } from "./support/factories";
import { createExperiment, createOpgave, createPublishedUpdate, createTheme, postComment } from "./support/notification-fixtures";

// Server actions and pages ask lib/session.ts for the user; here the test decides who that is.
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/session")>()),
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
  requirePermission: async () => session.user,
}));
// Outside a Next.js request these would throw; what they do is not under test here.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const root = path.resolve(import.meta.dirname, "..");

/** redirect() and notFound() end a request on purpose; any other error is what this file hunts for. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404"));
}

function isNotFound(error: unknown): boolean {
  return (error as { digest?: unknown } | null)?.digest === "NEXT_HTTP_ERROR_FALLBACK;404";
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const search = (query: Record<string, string | string[]>) => searchUpdates(parseUpdatesTableParams(query));

/** A published update of its own: the action sweep below may withdraw the shared one. */
const freshUpdate = () => createPublishedUpdate({ authorId: leader.id, experimentId: world.experimentId });

let admin: Actor;
let leader: Actor;
let member: Actor;
let world: {
  municipalityId: string;
  experimentId: string;
  updateId: string;
  commentId: string;
  notificationId: string;
  opgaveId: string;
  themeId: string;
  victimId: string;
};

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-bad-input-0123456789abcdef";
  const municipality = await createMunicipality();
  admin = actorOf(await createUser({ role: "ADMIN" }));
  leader = actorOf(await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }));
  member = actorOf(await createUser({ role: "MEMBER" }));
  const victim = await createUser({ role: "MEMBER" });
  const experiment = await createExperiment(municipality.id);
  const [opgave, theme] = await Promise.all([createOpgave(), createTheme()]);
  const update = await createPublishedUpdate({
    authorId: leader.id,
    experimentId: experiment.id,
    opgaveIds: [opgave.id],
    themeIds: [theme.id],
  });
  const comment = await postComment({ updateId: update.id, authorId: member.id });
  const notification = await db.notification.findFirstOrThrow({ where: { userId: leader.id } });
  world = {
    municipalityId: municipality.id,
    experimentId: experiment.id,
    updateId: update.id,
    commentId: comment.id,
    notificationId: notification.id,
    opgaveId: opgave.id,
    themeId: theme.id,
    victimId: victim.id,
  };
});

describe("impossible dates in the table's URL", () => {
  it.each([
    "2024-02-30",
    "2023-02-29",
    "0000-01-01",
    "2024-13-01",
    "2024-00-10",
    "2024-04-31",
    "1899-12-31",
    "3000-01-01",
    "2024-2-3",
    "２０２４-01-01",
  ])("%s is not a date: the filter falls back to none", (value) => {
    expect(isCalendarDate(value)).toBe(false);
    expect(parseUpdatesTableParams({ from: value, to: value })).toMatchObject({ from: null, to: null });
  });

  it.each(["2024-02-29", "1900-01-01", "2999-12-31", "2023-12-31"])("%s is kept", (value) => {
    expect(parseUpdatesTableParams({ from: value }).from).toBe(value);
  });

  it("the table, the CSV export and the feed answer them instead of failing", async () => {
    const queries: Record<string, string>[] = [{ from: "2024-02-30" }, { to: "2023-02-29" }, { from: "0000-01-01", to: "2024-02-31" }];
    for (const query of queries) {
      expect((await search(query)).total).toBeGreaterThan(0);
    }
    session.user = member;
    const { GET: exportCsv } = await import("@/app/(portal)/updates/export.csv/route");
    const csv = await exportCsv(new NextRequest("http://localhost/updates/export.csv?from=2024-02-30&to=0000-01-01"));
    expect(csv.status).toBe(200);

    const created = await createFeedToken({ actor: member });
    if (!created.ok) throw new Error("no feed token");
    const { token } = created.data;
    const { GET: feed } = await import("@/app/feed/[token]/route");
    const atom = await feed(new NextRequest(`http://localhost/feed/${token}?from=2024-02-30&to=2023-02-29`), {
      params: Promise.resolve({ token }),
    });
    expect(atom.status).toBe(200);
    expect(await atom.text()).toContain("<feed");
  });

  it("drops list values that cannot be a slug, so a NUL byte in a filter does not reach PostgreSQL", async () => {
    const params = parseUpdatesTableParams({
      opgave: "\u0000",
      theme: ["a\u0000b"],
      municipality: "x\u0000",
      experiment: "e".repeat(101),
      phase: "\u0000",
    });
    expect(params).toMatchObject({ opgave: [], theme: [], municipality: [], experiment: [], phase: [] });
    await expect(search({ municipality: "x\u0000", opgave: "\u0000", q: "\u0000" })).resolves.toMatchObject({ total: expect.any(Number) });
  });
});

describe("hostile search strings", () => {
  const hostile = [
    "- ".repeat(100),
    "-".repeat(200),
    "- ".repeat(33),
    "a " + "- ".repeat(90),
    '"a"' + "-".repeat(100),
    "-( ".repeat(60),
    "-! ".repeat(60),
    "-& ".repeat(60),
    "-| ".repeat(60),
    "-< ".repeat(60),
    "-) ".repeat(60),
    "-\t".repeat(90),
    "-\n".repeat(90),
    "-(".repeat(100),
    "warmtepomp " + "-".repeat(150),
    "-".repeat(50) + "warmtepomp",
    "- - or - - ".repeat(20),
    "or ".repeat(66),
    "-or ".repeat(50),
    '"'.repeat(200),
    '"- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -"',
    '-"- -"'.repeat(30),
    "(".repeat(200),
    ")".repeat(200),
    "!".repeat(200),
    "&|".repeat(100),
    ":*".repeat(100),
    "\\".repeat(200),
    "<->".repeat(60),
    "'".repeat(200),
    "-de ".repeat(50),
    "de ".repeat(70),
    "a".repeat(500),
    "\u0000-".repeat(100),
    "–".repeat(100),
  ];

  it("none of them fails the table, the CSV export or the feed", async () => {
    for (const q of hostile) {
      const result = await search({ q });
      expect(Array.isArray(result.rows), JSON.stringify(q)).toBe(true);
      const relevance = await search({ q, sort: "relevance", perPage: "10" });
      expect(relevance.total, JSON.stringify(q)).toBeGreaterThanOrEqual(0);
    }
    const exported = await collectUpdatesForExport(parseUpdatesTableParams({ q: "- ".repeat(100) }));
    expect(exported.truncated).toBe(false);
  });

  it("shortens runs of NOT operators without changing what they mean", async () => {
    expect(websearchText("warmtepomp -gas")).toBe("warmtepomp -gas");
    expect(websearchText('"groene daken" or zonnepanelen -a --b')).toBe('"groene daken" or zonnepanelen -a --b');
    expect(websearchText("- - - a")).toBe(" - a");
    expect(websearchText("a ----b")).toBe("a  --b");
    expect(websearchText("- ".repeat(100)).match(/-/g)?.length ?? 0).toBeLessThanOrEqual(2);
    const [once, thrice] = await Promise.all([
      db.$queryRaw<{ q: string }[]>`SELECT websearch_to_tsquery('dutch', ${websearchText("warmtepomp -gas")})::text AS q`,
      db.$queryRaw<{ q: string }[]>`SELECT websearch_to_tsquery('dutch', ${websearchText("warmtepomp - - -gas")})::text AS q`,
    ]);
    expect(thrice[0]?.q).toBe(once[0]?.q);
  });

  it("a query PostgreSQL still cannot build counts as nothing to search for", async () => {
    // Straight to PostgreSQL, not shortened: the error is caught, not thrown.
    expect(await searchQueryNodes("- ".repeat(100))).toBe(0);
    expect(await searchQueryNodes("warmtepomp")).toBe(1);
  });
});

describe("NUL bytes in server-action input", () => {
  it("formValues leaves them out of every value, lists too", () => {
    const form = new FormData();
    form.append("body", "Hallo\u0000 wereld\u0000");
    form.append("ids", "a\u0000");
    form.append("ids", "b");
    expect(formValues(form, ["ids"])).toEqual({ body: "Hallo wereld", ids: ["a", "b"] });
    expect(formValues("not a form" as unknown as FormData)).toEqual({});
  });

  /** A form with every field any action reads, each value carrying NUL bytes. */
  function hostileForm(kind: "only-nul" | "real-ids"): FormData {
    const nul = (value: string) => (kind === "only-nul" ? "\u0000" : `${value}\u0000`);
    const fields: Record<string, string | string[]> = {
      updateId: nul(world.updateId),
      commentId: nul(world.commentId),
      parentId: nul(world.commentId),
      notificationId: nul(world.notificationId),
      experimentId: nul(world.experimentId),
      municipalityId: nul(world.municipalityId),
      wijkId: nul(world.municipalityId),
      userId: nul(world.victimId),
      invitationId: nul(world.victimId),
      targetType: nul("UPDATE"),
      targetId: nul(world.updateId),
      intent: nul("publish"),
      appreciated: nul("true"),
      title: `Titel\u0000 met NUL`,
      name: `Naam\u0000 met NUL`,
      body: `Tekst\u0000 met NUL`,
      summary: `Samenvatting\u0000`,
      milestone: `Mijlpaal\u0000`,
      slug: nul("slug"),
      cbsCode: nul("GM4321"),
      phase: nul("UITVOERING"),
      startDate: nul("2024-01-01"),
      clientKey: nul("abcdefgh12345678"),
      email: `nul\u0000@example.nl`,
      role: nul("MEMBER"),
      token: nul("abc"),
      password: `Wachtwoord\u0000-met-NUL-42`,
      passwordConfirm: `Wachtwoord\u0000-met-NUL-42`,
      locale: nul("en"),
      COMMENT_ON_UPDATE: nul("DAILY"),
      REPLY: nul("DAILY"),
      MENTION: nul("DAILY"),
      FOLLOWED_UPDATE: nul("DAILY"),
      opgaveIds: [nul(world.opgaveId)],
      themeIds: [nul(world.themeId)],
      wijkIds: [nul(world.municipalityId)],
      leaderIds: [nul(leader.id)],
    };
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(key, one);
    return form;
  }

  it("no server action fails on them, whoever calls it and however it is called", { timeout: 180_000 }, async () => {
    const modules = ["lib", "app"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));
    const actions: [string, (...args: unknown[]) => Promise<unknown>][] = [];
    for (const file of modules) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value === "function")
          actions.push([`${path.relative(root, file)}#${name}`, value as (...args: unknown[]) => Promise<unknown>]);
      }
    }
    expect(actions.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "lib/comments/actions.ts#locateCommentAction",
        "lib/notifications/actions.ts#recordVisitAction",
        "lib/updates/actions.ts#previewMarkdownAction",
        "lib/follows/actions.ts#setFollowAction",
      ]),
    );

    const failures: string[] = [];
    for (const actor of [null, member, leader, admin]) {
      session.user = actor;
      for (const kind of ["only-nul", "real-ids"] as const) {
        const argumentLists: unknown[][] = [
          [hostileForm(kind)],
          [null, hostileForm(kind)],
          ["\u0000", "\u0000"],
          [`${world.updateId}\u0000`, `${world.commentId}\u0000`],
        ];
        for (const [name, action] of actions) {
          for (const args of argumentLists) {
            try {
              await action(...args);
            } catch (error) {
              if (!isNextControlFlow(error))
                failures.push(
                  `${name} as ${actor?.role ?? "visitor"} (${kind}): ${String((error as Error)?.message ?? error).split("\n")[0]}`,
                );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The sweep got through to the database with the NUL bytes left out.
    expect(await db.comment.count({ where: { body: "Tekst met NUL" } })).toBeGreaterThan(0);
    expect(await db.update.count({ where: { title: "Titel met NUL" } })).toBeGreaterThan(0);
    expect(await db.municipality.count({ where: { name: "Naam met NUL" } })).toBeGreaterThan(0);
  });

  it("what is saved has the NUL bytes left out", async () => {
    session.user = member;
    const { postCommentAction } = await import("@/lib/comments/actions");
    const form = new FormData();
    form.append("updateId", (await freshUpdate()).id);
    form.append("body", "Goed\u0000 idee");
    form.append("clientKey", `nul-${Date.now()}`);
    const result = await postCommentAction(null, form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await db.comment.findUniqueOrThrow({ where: { id: result.data.id } })).body).toBe("Goed idee");
  });

  it("the preview hands the text back without them, as saving would store it", async () => {
    session.user = leader;
    const { previewMarkdownAction } = await import("@/lib/updates/actions");
    expect(await previewMarkdownAction("a\u0000b")).toEqual({ ok: true, data: { markdown: "ab" } });
  });

  it("the member search answers 400 to a NUL byte", async () => {
    session.user = member;
    const { GET } = await import("@/app/api/members/route");
    for (const q of ["%00", "a%00b", "%00%00%00"]) {
      const response = await GET(new NextRequest(`http://localhost/api/members?q=${q}`));
      expect(response.status, q).toBe(400);
    }
    expect((await GET(new NextRequest("http://localhost/api/members?q=Test"))).status).toBe(200);
  });
});

describe("setFollowAction's previous state", () => {
  it.each([null, undefined, "rommel", 42, { following: "ja" }, []])("accepts %j and answers a proper state", async (previous) => {
    session.user = member;
    const { setFollowAction } = await import("@/lib/follows/actions");
    const update = await freshUpdate();
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return data;
    };
    // A target that does not exist: the state stays what the button showed.
    const failed = await setFollowAction(previous, form({ targetType: "UPDATE", targetId: "bestaatniet", intent: "follow" }));
    expect(failed).toMatchObject({ following: false, error: "follow.notFound", changed: true });
    const failedUnfollow = await setFollowAction(previous, form({ targetType: "GEEN", targetId: update.id, intent: "unfollow" }));
    expect(failedUnfollow).toMatchObject({ following: true, changed: true });
    expect(typeof failedUnfollow.error).toBe("string");
    const followed = await setFollowAction(previous, form({ targetType: "UPDATE", targetId: update.id, intent: "follow" }));
    expect(followed).toEqual({ following: true, error: null, changed: true });
  });
});

describe("ids and slugs from the URL", () => {
  const cuid = "cmh1x2y3z0000abcd1234efgh";
  it.each(["", "\u0000", `${cuid}\u0000`, "../etc/passwd", "a".repeat(41), "ABC", "a b", "a-b", "ö", undefined, ["a", "b"]])(
    "idParam(%j) is the not-found page",
    (value) => {
      expect(isId(value)).toBe(false);
      let thrown: unknown;
      try {
        idParam(value);
      } catch (error) {
        thrown = error;
      }
      expect(isNotFound(thrown)).toBe(true);
    },
  );

  it.each(["", "\u0000", "den\u0000haag", "Den Haag", "a".repeat(81), "a_b", "a/b", undefined, ["a"]])(
    "slugParam(%j) is the not-found page",
    (value) => {
      expect(isSlug(value)).toBe(false);
      expect(() => slugParam(value)).toThrow();
    },
  );

  it("real ids and slugs pass", async () => {
    expect(idParam(world.opgaveId)).toBe(world.opgaveId);
    expect(idParam(cuid)).toBe(cuid);
    const experiment = await db.experiment.findUniqueOrThrow({ where: { id: world.experimentId } });
    expect(slugParam(experiment.slug)).toBe(experiment.slug);
    expect(slugParam("den-haag")).toBe("den-haag");
  });

  it("every page with an [id] or [slug] answers a NUL byte with the not-found page", async () => {
    session.user = admin;
    const pages = sourceFiles(path.join(root, "app")).filter((file) => /\[(id|slug)\]/.test(file) && file.endsWith("page.tsx"));
    expect(pages.length).toBeGreaterThanOrEqual(9);
    const outcomes: string[] = [];
    for (const file of pages) {
      const page = (await import(file)) as {
        default: (props: unknown) => Promise<unknown>;
        generateMetadata?: (props: unknown) => Promise<unknown>;
      };
      const props = { params: Promise.resolve({ id: "\u0000", slug: "\u0000" }), searchParams: Promise.resolve({}) };
      const calls = [page.default, ...(page.generateMetadata && page.generateMetadata.length > 0 ? [page.generateMetadata] : [])];
      for (const call of calls) {
        const outcome = await call(props).then(
          () => "rendered",
          (error: unknown) => (isNotFound(error) ? "not found" : String((error as Error)?.message ?? error).split("\n")[0]),
        );
        outcomes.push(`${path.relative(root, file)}: ${outcome}`);
      }
    }
    expect(outcomes.filter((line) => !line.endsWith(": not found"))).toEqual([]);
  });

  it("GET /meldingen/<id> with an impossible id goes back to the list", async () => {
    session.user = member;
    const { GET } = await import("@/app/(portal)/meldingen/[id]/route");
    const response = await GET(new Request("http://localhost/meldingen/x"), { params: Promise.resolve({ id: "\u0000" }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/meldingen");
  });
});
