import { randomBytes } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/accounts/tokens";
import { DISCUSSED_COLUMNS, LESSON_COLUMNS, MUNICIPALITY_COLUMNS, OPGAVE_COLUMNS } from "@/lib/analytics/report-csv";
import { defaultReportPeriod, parseReportPeriod } from "@/lib/analytics/report-period";
import { getProgrammeFigures, getProgrammeReport } from "@/lib/analytics/report-queries";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import nl from "@/lib/i18n/messages/nl.json";
import { createUser } from "./support/factories";
import { MARCH, seedReportLessons, seedReportWorld, type ReportWorld } from "./support/report-fixtures";

// The real lib/session.ts reads the user from the database; only next-auth's cookie reading is replaced.
const auth = vi.hoisted(() => ({ session: null as { uid: string; sid: string; sv: number } | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => auth.session,
}));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= "true";

const { GET: download } = await import("@/app/(beheer)/beheer/rapportage/download/route");
const { default: ReportPage } = await import("@/app/(beheer)/beheer/rapportage/page");

let world: ReportWorld;
let lessons: Awaited<ReturnType<typeof seedReportLessons>>;

/** Signs in a new person of `role` (a real Session row), or signs out with null. */
async function signInAs(role: Role | null) {
  if (!role) {
    auth.session = null;
    return;
  }
  const user = await createUser({ role });
  const sid = randomBytes(16).toString("hex");
  await db.session.create({ data: { sessionToken: hashToken(sid), userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  auth.session = { uid: user.id, sid, sv: 0 };
}

const request = (query: string) => download(new NextRequest(`http://localhost/beheer/rapportage/download${query}`));
const auditCount = () => db.auditLog.count();

/** Cells of a `;` CSV without quoted fields (these fixtures have none), BOM and CRLF dropped. */
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(";"));

beforeAll(async () => {
  world = await seedReportWorld();
  lessons = await seedReportLessons(world, (await createUser({ role: "COORDINATOR" })).id);
});

describe("the programme report's figures", () => {
  it("counts per municipality the updates published in the period, the comments written in it and the distinct people behind them", async () => {
    const report = await getProgrammeFigures(MARCH);
    const { a, b, c } = world.municipalities;
    const rows = report.municipalities.filter((row) => [a.id, b.id, c.id].includes(row.id));
    expect(rows.map(({ name, updates, comments, people }) => ({ name, updates, comments, people }))).toEqual([
      { name: a.name, updates: 4, comments: 4, people: 4 },
      { name: b.name, updates: 1, comments: 1, people: 2 },
      { name: c.name, updates: 0, comments: 0, people: 0 },
    ]);
    // People count once for the programme, though leaderB is active in both municipalities.
    expect(report.totals).toEqual({ updates: 5, comments: 5, people: 5 });
  });

  it("counts per opgave through the update's tags; an archived opgave shows only when the period uses it", async () => {
    const report = await getProgrammeFigures(MARCH);
    const { o1, o2, o3, o4, o5 } = world.opgaven;
    const mine = report.opgaven.filter((row) => [o1.id, o2.id, o3.id, o4.id, o5.id].includes(row.id));
    expect(mine.map(({ id, updates, comments, people, archived }) => ({ id, updates, comments, people, archived }))).toEqual([
      { id: o1.id, updates: 2, comments: 4, people: 4, archived: false },
      { id: o2.id, updates: 2, comments: 4, people: 5, archived: false },
      // Only the hidden, withdrawn and draft updates carry o3: zeros, but a current opgave always shows.
      { id: o3.id, updates: 0, comments: 0, people: 0, archived: false },
      { id: o4.id, updates: 1, comments: 0, people: 1, archived: true },
    ]);
  });

  it("lists the most discussed updates by visible comments in the period, ties newest first", async () => {
    const { u0, u3, u6 } = world.updates;
    const report = await getProgrammeFigures(MARCH);
    expect(report.mostDiscussed.map(({ id, comments }) => ({ id, comments }))).toEqual([
      { id: u6.id, comments: 3 },
      { id: u3.id, comments: 1 },
      { id: u0.id, comments: 1 },
    ]);
    expect(report.mostDiscussed[0]).toMatchObject({
      title: u6.title,
      municipalityName: world.municipalities.a.name,
      publishedAt: "2026-03-02T08:00:00.000Z",
    });
  });

  it("includes the first and the last Dutch day whole (summer time from 29 March) and nothing of the days around them", async () => {
    const { u0, u3, u5 } = world.updates;
    const onlyFirst = await getProgrammeFigures({ from: "2026-03-01", to: "2026-03-01" });
    expect(onlyFirst.totals).toEqual({ updates: 1, comments: 0, people: 1 });
    const onlyLast = await getProgrammeFigures({ from: "2026-03-31", to: "2026-03-31" });
    expect(onlyLast.totals).toEqual({ updates: 1, comments: 1, people: 2 });
    const february = await getProgrammeFigures({ from: "2026-02-28", to: "2026-02-28" });
    expect(february.totals).toEqual({ updates: 1, comments: 1, people: 2 });
    expect(february.mostDiscussed.map((row) => row.id)).toEqual([u0.id]);
    const april = await getProgrammeFigures({ from: "2026-04-01", to: "2026-04-30" });
    expect(april.totals).toEqual({ updates: 1, comments: 2, people: 3 });
    expect(april.mostDiscussed.map((row) => row.id)).toEqual([u5.id, u3.id]);
  });

  it("an empty period has zeros everywhere, every municipality and current opgave still listed", async () => {
    const report = await getProgrammeReport({ from: "2020-01-01", to: "2020-12-31" });
    expect(report.totals).toEqual({ updates: 0, comments: 0, people: 0 });
    expect(report.mostDiscussed).toEqual([]);
    expect(report.municipalities.map((row) => row.id)).toEqual(
      expect.arrayContaining(Object.values(world.municipalities).map((m) => m.id)),
    );
    expect(report.municipalities.every((row) => row.updates === 0 && row.comments === 0 && row.people === 0)).toBe(true);
    expect(report.opgaven.map((row) => row.id)).not.toContain(world.opgaven.o4.id);
    expect(report.matrix.total).toBe(0);
  });

  it("takes the matrix and the lessons for the same period, hidden evidence left out", async () => {
    const report = await getProgrammeReport(MARCH);
    expect(report.matrix.params).toMatchObject({ from: MARCH.from, to: MARCH.to });
    expect(report.matrix.total).toBe(3);
    const cited = report.lessons.find((lesson) => lesson.id === lessons.cited.id)!;
    expect(cited.evidenceCount).toBe(2);
    expect(cited.citedUpdates.map((update) => update.id)).toEqual([world.updates.u6.id, world.updates.u0.id]);
  });
});

describe("the report's period", () => {
  it("defaults to the last twelve months up to today in the Netherlands", () => {
    expect(defaultReportPeriod(new Date("2026-12-01T23:30:00Z"))).toEqual({ from: "2025-12-03", to: "2026-12-02" });
    expect(defaultReportPeriod(new Date("2028-02-29T12:00:00Z"))).toEqual({ from: "2027-03-01", to: "2028-02-29" });
    expect(parseReportPeriod({}, new Date("2026-06-15T12:00:00Z"))).toEqual({
      ok: true,
      chosen: false,
      period: { from: "2025-06-16", to: "2026-06-15" },
    });
  });

  it("refuses a period that ends before it begins, and days that are no days, with a message key", () => {
    expect(parseReportPeriod({ from: "2026-04-01", to: "2026-03-01" })).toMatchObject({ ok: false, error: "report.periodReversed" });
    expect(parseReportPeriod({ from: "2026-02-30", to: "2026-03-01" })).toMatchObject({ ok: false, error: "report.dateInvalid" });
    expect(parseReportPeriod({ from: "'; DROP TABLE", to: "2026-03-01" })).toMatchObject({ ok: false, error: "report.dateInvalid" });
    expect(parseReportPeriod({ from: ["2026-03-01", "x"], to: "2026-03-01" })).toMatchObject({ ok: true });
  });
});

describe("GET /beheer/rapportage/download", () => {
  it("gives a coordinator a zip of five CSV files and a LEESMIJ, and writes no audit row", async () => {
    await signInAs("COORDINATOR");
    const before = await auditCount();
    const response = await request(`?from=${MARCH.from}&to=${MARCH.to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="koppelkans-rapportage-2026-03-01-tot-en-met-2026-03-31.zip"',
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual([
      "LEESMIJ.txt",
      "municipalities.csv",
      "opgaven.csv",
      "most-discussed.csv",
      "matrix.csv",
      "lessons.csv",
    ]);
    const csv = (name: string) => csvRows(strFromU8(files[name]!));
    expect([...files["municipalities.csv"]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM

    const { a, b, c } = world.municipalities;
    const municipalities = csv("municipalities.csv");
    expect(municipalities[0]).toEqual([...MUNICIPALITY_COLUMNS]);
    expect(municipalities.filter((row) => [a.name, b.name, c.name].includes(row[0]!))).toEqual([
      [a.name, a.cbsCode, "4", "4", "4"],
      [b.name, b.cbsCode, "1", "1", "2"],
      [c.name, c.cbsCode, "0", "0", "0"],
    ]);
    const { o1, o2, o3, o4 } = world.opgaven;
    const opgaven = csv("opgaven.csv");
    expect(opgaven[0]).toEqual([...OPGAVE_COLUMNS]);
    expect(opgaven.slice(1)).toEqual([
      [o1.name, "nee", "2", "4", "4"],
      [o2.name, "nee", "2", "4", "5"],
      [o3.name, "nee", "0", "0", "0"],
      [o4.name, "ja", "1", "0", "1"],
    ]);
    const discussed = csv("most-discussed.csv");
    expect(discussed[0]).toEqual([...DISCUSSED_COLUMNS]);
    expect(discussed.slice(1).map((row) => [row[0], row[1], row[2], row[4], row[5]])).toEqual([
      ["1", `'${world.updates.u6.title}`, a.name, "2026-03-02", "3"],
      ["2", world.updates.u3.title, b.name, "2026-03-15", "1"],
      ["3", world.updates.u0.title, a.name, "2026-02-28", "1"],
    ]);
    expect(discussed[1]![6]).toMatch(new RegExp(`/updates/${world.updates.u6.id}$`));
    // The diagonal is the opgave's own total; o1 and o2 meet on u6, o1 and o4 on u7.
    expect(csv("matrix.csv")).toEqual([
      ["Opgave", o1.name, o2.name, o3.name, o4.name],
      [o1.name, "2", "1", "0", "1"],
      [o2.name, "1", "2", "0", "0"],
      [o3.name, "0", "0", "0", "0"],
      [o4.name, "1", "0", "0", "1"],
    ]);
    const lessonRows = csv("lessons.csv");
    expect(lessonRows[0]).toEqual([...LESSON_COLUMNS]);
    expect(lessonRows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      [lessons.cited.title, "Bevestigd", "2", `'${world.updates.u6.title}`],
      [lessons.cited.title, "Bevestigd", "2", world.updates.u0.title],
      [lessons.bare.title, "Hypothese", "0", ""],
    ]);
    const readme = strFromU8(files["LEESMIJ.txt"]!);
    expect(readme).toContain("Periode: 2026-03-01 tot en met 2026-03-31.");
    expect(readme).toContain("\r\n");
    expect(await auditCount()).toBe(before);
  });

  it("answers a period that ends before it begins with 400 and a Dutch message", async () => {
    await signInAs("ADMIN");
    const response = await request("?from=2026-04-01&to=2026-03-01");
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(nl.errors.report.periodReversed);
    const bad = await request("?from=2026-13-01&to=2026-03-01");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe(nl.errors.report.dateInvalid);
  });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("refuses a %s with 403 and writes no audit row", async (role) => {
    await signInAs(role);
    const before = await auditCount();
    const response = await request(`?from=${MARCH.from}&to=${MARCH.to}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(nl.errors.permission.denied);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a visitor who is not signed in with 401", async () => {
    await signInAs(null);
    const response = await request("");
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(nl.errors.report.signInRequired);
  });
});

describe("the /beheer/rapportage page", () => {
  const open = (query: Record<string, string> = {}) => ReportPage({ searchParams: Promise.resolve(query) });
  const digestOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => "rendered",
      (error: { digest?: string }) => error.digest,
    );

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("is forbidden (403) for a %s", async (role) => {
    await signInAs(role);
    expect(await digestOf(open({ from: MARCH.from, to: MARCH.to }))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });

  it("sends a visitor to the sign-in page, back to the same period", async () => {
    await signInAs(null);
    const digest = await digestOf(open({ from: MARCH.from, to: MARCH.to }));
    expect(digest).toMatch(/^NEXT_REDIRECT;replace;\/inloggen\?callbackUrl=%2Fbeheer%2Frapportage%3Ffrom%3D2026-03-01%26to%3D2026-03-31;/);
  });
});
