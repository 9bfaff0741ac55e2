import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/accounts/tokens";
import { db } from "@/lib/db";
import { escapeXml, plainSummary, stripMarkdown, truncateText } from "@/lib/feeds/atom";
import { createFeedToken, hasFeedToken, revokeFeedToken, userForFeedToken } from "@/lib/feeds/service";
import nl from "@/lib/i18n/messages/nl.json";
import type { Actor } from "@/lib/policy/permissions";
import { CSV_BOM, csvCell, csvLine, neutralizeFormula, toCsv } from "@/lib/updates/csv";
import { amsterdamIsoDate, collectUpdatesForExport, EXPORT_COLUMNS, exportFilename, searchParamsRecord } from "@/lib/updates/export";
import { searchUpdates } from "@/lib/updates/queries";
import { parseUpdatesTableParams } from "@/lib/updates/table-params";
import { actorOf, createMunicipality, createUser, unique } from "./support/factories";

// The CSV route asks lib/session.ts for the user; here the test decides who that is.
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));

const { GET: exportCsv } = await import("@/app/(portal)/updates/export.csv/route");
const { GET: feed } = await import("@/app/feed/[token]/route");

const APP = "https://koppelkans.example.nl";
const originalAppUrl = process.env.APP_URL;

let member: Actor;
let zwolleSlug: string;
let bulkExperimentSlug: string;
const slugs = { energie: `energie-${unique()}`, armoede: `armoede-${unique()}`, leefwereld: `leefwereld-${unique()}` };

const TRICKY_TITLE = 'Bewonersavond; "Samen" verder\nDeel 2';
const FORMULA_TITLE = '=HYPERLINK("https://kwaad.example/x";"klik")';
const SCRIPT_TITLE = "<script>alert('x')</script> Warmte & Wijk";

async function createUpdate(data: {
  title: string;
  experimentId: string;
  authorId: string;
  publishedAt: string;
  status?: "PUBLISHED" | "DRAFT" | "WITHDRAWN";
  opgaven?: string[];
  themes?: string[];
  body?: string;
  commentCount?: number;
}) {
  return db.update.create({
    data: {
      title: data.title,
      body: data.body ?? "Een korte update.",
      phase: "UITVOERING",
      status: data.status ?? "PUBLISHED",
      publishedAt: new Date(data.publishedAt),
      commentCount: data.commentCount ?? 0,
      experimentId: data.experimentId,
      authorId: data.authorId,
      opgaven: { create: (data.opgaven ?? []).map((slug) => ({ opgave: { connect: { slug } } })) },
      themes: { create: (data.themes ?? []).map((slug) => ({ theme: { connect: { slug } } })) },
    },
  });
}

function csvRequest(query = "") {
  return exportCsv(new NextRequest(`http://localhost/updates/export.csv${query}`));
}

function feedRequest(token: string, query = "") {
  return feed(new NextRequest(`http://localhost/feed/${token}${query}`), { params: Promise.resolve({ token }) });
}

/** CSV text to rows of cells (RFC 4180 with `;`), for checking what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  if (cell || row.length) throw new Error("the last line has no CRLF");
  return rows;
}

/**
 * A small well-formedness check: tags nest and close, text and attribute
 * values hold no raw `<` and only known entities after `&`.
 */
function expectWellFormedXml(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("?>") + 2);
  const stack: string[] = [];
  const badAmpersand = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  for (const [token] of body.matchAll(/<[^>]*>|[^<]+/g)) {
    if (!token.startsWith("<")) {
      expect(token, "text").not.toMatch(badAmpersand);
      continue;
    }
    const tag = token.match(/^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/);
    expect(tag, `malformed tag ${token}`).not.toBeNull();
    const [, closing, name, attributes, selfClosing] = tag!;
    expect(attributes ?? "").not.toMatch(badAmpersand);
    if (closing) expect(stack.pop(), `closing ${name}`).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
}

function entries(xml: string): string[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((match) => match[1]!);
}

function entryTitles(xml: string): string[] {
  return entries(xml).map((entry) => entry.match(/<title type="text">([\s\S]*?)<\/title>/)?.[1] ?? "");
}

beforeAll(async () => {
  process.env.APP_URL = APP;
  const zwolle = await createMunicipality({ name: "Zwolle-export" });
  const arnhem = await createMunicipality({ name: "Arnhem-export" });
  zwolleSlug = zwolle.slug;
  member = actorOf(await createUser({ role: "MEMBER" }));
  const author = await createUser({ role: "PROJECT_LEADER", municipalityId: zwolle.id, name: "Piet Voorbeeld (demo)" });
  const experimentIn = async (municipalityId: string, title: string) => {
    const suffix = unique();
    return db.experiment.create({
      data: { title, slug: `exp-${suffix}`, summary: "-", municipalityId, startDate: new Date("2021-01-01") },
    });
  };
  const inZwolle = await experimentIn(zwolle.id, "Warm de wijk in");
  const inArnhem = await experimentIn(arnhem.id, "Samen aan de slag");
  await db.opgave.create({ data: { slug: slugs.energie, name: "Energie en aardgasvrij" } });
  await db.opgave.create({ data: { slug: slugs.armoede, name: "Armoede & schulden" } });
  await db.theme.create({ data: { slug: slugs.leefwereld, name: "Leefwereld" } });

  const base = { experimentId: inZwolle.id, authorId: author.id };
  await createUpdate({
    ...base,
    title: TRICKY_TITLE,
    publishedAt: "2024-03-31T22:30:00Z",
    opgaven: [slugs.energie, slugs.armoede],
    themes: [slugs.leefwereld],
    commentCount: 3,
  });
  await createUpdate({ ...base, title: FORMULA_TITLE, publishedAt: "2024-02-01T10:00:00Z", opgaven: [slugs.armoede] });
  await createUpdate({
    ...base,
    title: SCRIPT_TITLE,
    publishedAt: "2024-01-15T10:00:00Z",
    opgaven: [slugs.energie],
    body: "# Kop\n\n**Vet** en _schuin_ met een [link](https://voorbeeld.example) en ![foto](/beelden/x).\n\n- punt een\n- punt twee <b>html</b> & meer",
  });
  await createUpdate({
    experimentId: inArnhem.id,
    authorId: author.id,
    title: "Arnhem: tuinen",
    publishedAt: "2023-06-01T10:00:00Z",
    opgaven: [slugs.energie],
  });
  await createUpdate({
    ...base,
    title: "Concept: nog niet klaar",
    publishedAt: "2024-05-01T10:00:00Z",
    status: "DRAFT",
    opgaven: [slugs.energie],
  });
  await createUpdate({
    ...base,
    title: "Ingetrokken bericht",
    publishedAt: "2024-05-02T10:00:00Z",
    status: "WITHDRAWN",
    opgaven: [slugs.energie],
  });

  // More than one page of 100 in one experiment, older than the rest.
  const bulk = await experimentIn(arnhem.id, "Veel updates");
  bulkExperimentSlug = bulk.slug;
  await db.update.createMany({
    data: Array.from({ length: 105 }, (_, i) => ({
      title: `Bulk ${String(i).padStart(3, "0")}`,
      body: "Bulk",
      phase: "UITVOERING" as const,
      status: "PUBLISHED" as const,
      publishedAt: new Date(Date.UTC(2020, 0, 1, 0, i)),
      experimentId: bulk.id,
      authorId: author.id,
    })),
  });
});

afterAll(() => {
  if (originalAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = originalAppUrl;
});

beforeEach(() => {
  session.user = null;
});

// ---------------------------------------------------------------- CSV writer

describe("the CSV writer", () => {
  it("quotes cells with the separator, quotes or line breaks, doubling quotes", () => {
    expect(csvCell("gewoon")).toBe("gewoon");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('zei "hoi"')).toBe('"zei ""hoi"""');
    expect(csvCell("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
    expect(csvCell("regel 1\r\nregel 2")).toBe('"regel 1\r\nregel 2"');
    expect(csvCell("a,b")).toBe("a,b");
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
    expect(csvLine(["a", "b;c", 3])).toBe('a;"b;c";3');
  });

  it("keeps cells that a spreadsheet would run as a formula as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutralizeFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(neutralizeFormula("Gewoon = tekst")).toBe("Gewoon = tekst");
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell('=HYPERLINK("x";"y")')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
    expect(csvCell("\rnieuw")).toBe(`"'\rnieuw"`);
    // Numbers are data, not text a person typed.
    expect(csvCell(-3)).toBe("-3");
  });

  it("writes a BOM, a header line and CRLF line ends", () => {
    const text = toCsv(
      ["Titel", "Aantal"],
      [
        ["één", 1],
        ["twee;drie", 2],
      ],
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe('\uFEFFTitel;Aantal\r\néén;1\r\n"twee;drie";2\r\n');
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("dates in the Netherlands' calendar", () => {
    expect(amsterdamIsoDate(new Date("2024-03-31T22:30:00Z"))).toBe("2024-04-01"); // summer time, +2
    expect(amsterdamIsoDate(new Date("2024-01-01T23:30:00Z"))).toBe("2024-01-02"); // winter time, +1
    expect(amsterdamIsoDate(new Date("2024-01-01T22:30:00Z"))).toBe("2024-01-01");
    expect(exportFilename(new Date("2026-06-30T23:00:00Z"))).toBe("koppelkans-updates-2026-07-01.csv");
  });

  it("reads a query string like the table page does", () => {
    expect(searchParamsRecord(new URLSearchParams("opgave=a&opgave=b&q=wijk"))).toEqual({ opgave: ["a", "b"], q: "wijk" });
  });
});

// ---------------------------------------------------------------- CSV export

describe("GET /updates/export.csv", () => {
  it("refuses a visitor who is not signed in, in plain Dutch", async () => {
    const response = await csvRequest();
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toBe(nl.updatesExport.signInRequired);
    expect(text).not.toContain("Bewonersavond");
  });

  it("answers a CSV file for Dutch Excel with the right headers", async () => {
    session.user = member;
    const response = await csvRequest(`?municipality=${zwolleSlug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="koppelkans-updates-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFTitel;Experiment;Gemeente;Opgaven;Thema's;Auteur;Gepubliceerd;Reacties;Link\r\n")).toBe(true);

    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    const body = rows.slice(1);
    // Published only, newest first, as the table.
    expect(body.map((row) => row[0])).toEqual([TRICKY_TITLE, `'${FORMULA_TITLE}`, SCRIPT_TITLE]);
    const first = body[0]!;
    expect(first.slice(1, 8)).toEqual([
      "Warm de wijk in",
      "Zwolle-export",
      "Energie en aardgasvrij, Armoede & schulden",
      "Leefwereld",
      "Piet Voorbeeld (demo)",
      "2024-04-01",
      "3",
    ]);
    expect(first[8]).toMatch(new RegExp(`^${APP}/updates/[a-z0-9]+$`));
    // The raw text shows the quoting: quotes doubled, the line break inside quotes, the formula prefixed.
    expect(text).toContain('"Bewonersavond; ""Samen"" verder\nDeel 2"');
    expect(text).toContain(`"'=HYPERLINK(""https://kwaad.example/x"";""klik"")"`);
    expect(text).not.toContain("Concept: nog niet klaar");
    expect(text).not.toContain("Ingetrokken bericht");
  });

  it("uses the table's filters, search and sort", async () => {
    session.user = member;
    const titles = async (query: string) =>
      parseCsv((await (await csvRequest(query)).text()).slice(1))
        .slice(1)
        .map((row) => row[0]);
    expect(await titles(`?opgave=${slugs.energie}`)).toEqual([TRICKY_TITLE, SCRIPT_TITLE, "Arnhem: tuinen"]);
    expect(await titles(`?opgave=${slugs.energie}&opgave=${slugs.armoede}&opgaveMode=all`)).toEqual([TRICKY_TITLE]);
    expect(await titles(`?theme=${slugs.leefwereld}`)).toEqual([TRICKY_TITLE]);
    expect(await titles(`?opgave=${slugs.energie}&from=2024-01-01&to=2024-02-28`)).toEqual([SCRIPT_TITLE]);
    expect(await titles("?q=tuinen")).toEqual(["Arnhem: tuinen"]);

    // The same rows as the table, in the same order (the database's collation decides title order).
    for (const query of <Record<string, string>[]>[
      { opgave: slugs.energie, sort: "title", dir: "asc" },
      { opgave: slugs.energie, sort: "title", dir: "desc" },
      { municipality: zwolleSlug, sort: "comments", dir: "desc" },
    ]) {
      const table = await searchUpdates(parseUpdatesTableParams(query));
      expect(table.rows).toHaveLength(3);
      expect(await titles(`?${new URLSearchParams(query)}`)).toEqual(table.rows.map((row) => neutralizeFormula(row.title)));
    }
    expect((await titles(`?opgave=${slugs.energie}&sort=title&dir=asc`)).reverse()).toEqual(
      await titles(`?opgave=${slugs.energie}&sort=title&dir=desc`),
    );
  });

  it("holds every matching row, not one page, whatever page the link names", async () => {
    session.user = member;
    const text = await (await csvRequest(`?experiment=${bulkExperimentSlug}&perPage=10&page=3`)).text();
    const rows = parseCsv(text.slice(1)).slice(1);
    expect(rows).toHaveLength(105);
    expect(rows[0]?.[0]).toBe("Bulk 104");
    expect(rows.at(-1)?.[0]).toBe("Bulk 000");
    expect(new Set(rows.map((row) => row[0])).size).toBe(105);
  });

  it("stops at the cap and says so", async () => {
    const result = await collectUpdatesForExport(parseUpdatesTableParams({ experiment: bulkExperimentSlug }), 30);
    expect(result.rows).toHaveLength(30);
    expect(result.total).toBe(105);
    expect(result.truncated).toBe(true);
    const all = await collectUpdatesForExport(parseUpdatesTableParams({ experiment: bulkExperimentSlug }));
    expect(all).toMatchObject({ total: 105, truncated: false });
  });
});

// ---------------------------------------------------------------- Atom helpers

describe("the Atom helpers", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u0007c\td\ne")).toBe("abc\td\ne");
    expect(escapeXml("emoji 🙂 blijft")).toBe("emoji 🙂 blijft");
  });

  it("makes plain text of Markdown", () => {
    expect(
      stripMarkdown(
        '# Kop\n\n**Vet** en _schuin_, `code` en [een link](https://x.example "t").\n\n> citaat\n\n1. een\n- twee\n\n![foto](/beelden/1)',
      ),
    ).toBe("Kop Vet en schuin, code en een link. citaat een twee foto");
    expect(stripMarkdown("snake_case_naam en 3 * 4 = 12")).toBe("snake_case_naam en 3 * 4 = 12");
    expect(stripMarkdown("<script>alert(1)</script> tekst")).toBe("alert(1) tekst");
    expect(stripMarkdown("| a | b |\n| --- | --- |\n| 1 | 2 |")).toBe("a b 1 2");
  });

  it("shortens at a word boundary to at most the given length", () => {
    const long = "woord ".repeat(100);
    const summary = plainSummary(long);
    expect(Array.from(summary).length).toBeLessThanOrEqual(300);
    expect(summary.endsWith("woord…")).toBe(true);
    expect(truncateText("kort")).toBe("kort");
    expect(Array.from(truncateText("🙂".repeat(400), 10))).toHaveLength(10);
  });
});

// ---------------------------------------------------------------- feed tokens

describe("feed tokens", () => {
  it("cannot be made by a visitor", async () => {
    expect(await createFeedToken({ actor: null })).toEqual({ ok: false, error: "permission.denied" });
    expect(await revokeFeedToken({ actor: null })).toEqual({ ok: false, error: "permission.denied" });
  });

  it("cannot be made by a blocked account", async () => {
    const blocked = actorOf(await createUser({ blocked: true }));
    expect(await createFeedToken({ actor: blocked })).toEqual({ ok: false, error: "permission.denied" });
    expect(await hasFeedToken(blocked.id)).toBe(false);
  });

  it("are stored as a hash only, and a new one replaces the old", async () => {
    const user = actorOf(await createUser());
    const first = await createFeedToken({ actor: user });
    if (!first.ok) throw new Error("no token");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { feedTokenHash: true } });
    expect(stored.feedTokenHash).toBe(hashToken(first.data.token));
    expect(stored.feedTokenHash).not.toContain(first.data.token);
    expect((await userForFeedToken(first.data.token))?.id).toBe(user.id);

    const second = await createFeedToken({ actor: user });
    if (!second.ok) throw new Error("no token");
    expect(second.data.token).not.toBe(first.data.token);
    expect(await userForFeedToken(first.data.token)).toBeNull();
    expect((await userForFeedToken(second.data.token))?.id).toBe(user.id);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "feedToken.create" } })).toBe(2);

    expect(await revokeFeedToken({ actor: user })).toEqual({ ok: true, data: null });
    expect(await userForFeedToken(second.data.token)).toBeNull();
    expect(await hasFeedToken(user.id)).toBe(false);
  });

  it("find nobody for malformed or unknown tokens", async () => {
    expect(await userForFeedToken("")).toBeNull();
    expect(await userForFeedToken("kort")).toBeNull();
    expect(await userForFeedToken("x".repeat(43))).toBeNull();
    expect(await userForFeedToken("../../etc/passwd-and-more-characters-here")).toBeNull();
  });
});

// ---------------------------------------------------------------- Atom feed

describe("GET /feed/<token>", () => {
  let token: string;

  beforeAll(async () => {
    const result = await createFeedToken({ actor: member });
    if (!result.ok) throw new Error("no token");
    token = result.data.token;
  });

  it("is an Atom document of published updates, newest first, at most 50", async () => {
    const response = await feedRequest(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const xml = await response.text();
    expectWellFormedXml(xml);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">');
    expect(xml).toContain(`<title type="text">${escapeXml(nl.feed.title)}</title>`);
    expect(xml).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);

    const list = entries(xml);
    expect(list).toHaveLength(50);
    for (const entry of list) {
      expect(entry).toMatch(/<id>https:\/\/koppelkans\.example\.nl\/updates\/[a-z0-9]+<\/id>/);
      expect(entry).toMatch(/<title type="text">[^<]+<\/title>/);
      expect(entry).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
      expect(entry).toMatch(/<published>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/published>/);
      expect(entry).toMatch(/<link rel="alternate" type="text\/html" href="https:\/\/koppelkans\.example\.nl\/updates\/[a-z0-9]+"\/>/);
      expect(entry).toMatch(/<author><name>[^<]+<\/name><\/author>/);
      expect(entry).toMatch(/<summary type="text">/);
    }
    const titles = entryTitles(xml);
    expect(titles.slice(0, 4)).toEqual([escapeXml(TRICKY_TITLE), escapeXml(FORMULA_TITLE), escapeXml(SCRIPT_TITLE), "Arnhem: tuinen"]);
    expect(xml).not.toContain("Concept: nog niet klaar");
    expect(xml).not.toContain("Ingetrokken bericht");
  });

  it("escapes titles and summaries", async () => {
    const xml = await (await feedRequest(token, `?opgave=${slugs.energie}`)).text();
    expectWellFormedXml(xml);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; Warmte &amp; Wijk");
    expect(xml).toContain('<category term="Armoede &amp; schulden"');
    expect(xml).toContain(`<category term="Energie en aardgasvrij" label="Energie en aardgasvrij" scheme="${APP}/opgaven"/>`);
    expect(xml).toContain(`<category term="Leefwereld" label="Leefwereld" scheme="${APP}/themas"/>`);
    // The summary is the body's text, Markdown gone, escaped.
    expect(xml).toContain('<summary type="text">Kop Vet en schuin met een link en foto. punt een punt twee html &amp; meer</summary>');
  });

  it("honours the table's filters", async () => {
    const titles = async (query: string) => entryTitles(await (await feedRequest(token, query)).text());
    expect(await titles(`?opgave=${slugs.energie}`)).toEqual([escapeXml(TRICKY_TITLE), escapeXml(SCRIPT_TITLE), "Arnhem: tuinen"]);
    expect(await titles(`?theme=${slugs.leefwereld}`)).toEqual([escapeXml(TRICKY_TITLE)]);
    expect(await titles(`?municipality=${zwolleSlug}&from=2024-02-01`)).toEqual([escapeXml(TRICKY_TITLE), escapeXml(FORMULA_TITLE)]);
    // A feed is always the newest first, whatever sort the link names.
    expect(await titles(`?opgave=${slugs.energie}&sort=title&dir=asc`)).toEqual([
      escapeXml(TRICKY_TITLE),
      escapeXml(SCRIPT_TITLE),
      "Arnhem: tuinen",
    ]);
    const xml = await (await feedRequest(token, `?opgave=${slugs.energie}`)).text();
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${APP}/feed/${token}?opgave=${slugs.energie}"/>`);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${APP}/updates?opgave=${slugs.energie}"/>`);
  });

  it("is well formed with no entries", async () => {
    const xml = await (await feedRequest(token, "?opgave=bestaat-niet")).text();
    expectWellFormedXml(xml);
    expect(entries(xml)).toEqual([]);
  });

  it("answers 404 to an unknown token", async () => {
    for (const unknown of ["x".repeat(43), "kort", "%3Cscript%3E"]) {
      const response = await feedRequest(unknown);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe(nl.feed.notFound);
    }
  });

  it("answers 404 to the token of a blocked account", async () => {
    const user = await createUser();
    const result = await createFeedToken({ actor: actorOf(user) });
    if (!result.ok) throw new Error("no token");
    expect((await feedRequest(result.data.token)).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { blockedAt: new Date() } });
    expect((await feedRequest(result.data.token)).status).toBe(404);
  });

  it("stops answering the old token once a new one is made", async () => {
    const user = actorOf(await createUser());
    const first = await createFeedToken({ actor: user });
    const second = await createFeedToken({ actor: user });
    if (!first.ok || !second.ok) throw new Error("no token");
    expect((await feedRequest(first.data.token)).status).toBe(404);
    expect((await feedRequest(second.data.token)).status).toBe(200);
    await revokeFeedToken({ actor: user });
    expect((await feedRequest(second.data.token)).status).toBe(404);
  });

  it("needs no session: proxy.ts lets /feed/ through and still guards the rest", async () => {
    const { proxy } = await import("@/proxy");
    const open = await proxy(new NextRequest("http://localhost/feed/abc"));
    expect(open.headers.get("location")).toBeNull();
    const closed = await proxy(new NextRequest("http://localhost/feedback"));
    expect(closed.headers.get("location")).toMatch(/\/inloggen\?callbackUrl=%2Ffeedback$/);
  });
});
