import { NextRequest } from "next/server";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";
import { db } from "@/lib/db";
import { getInspirationBook } from "@/lib/inspiration/queries";
import { isPublicInspirationEntry, publicInspirationWhere } from "@/lib/policy/inspiration";
import { createUser } from "./support/factories";
import { createExperiment, createTheme } from "./support/notification-fixtures";

/**
 * The inspiration book's read path against the policy (in the spirit of
 * tests/policy-read-paths.test.ts): one entry for every combination of
 * consent, publication and update state; exactly one combination is public,
 * and the Prisma condition, the row predicate and the book agree on it.
 */
const consents = ["REQUESTED", "ACCEPTED", "DECLINED"] as const;
const updateStates = [
  { label: "listed", status: "PUBLISHED", hidden: false },
  { label: "hidden", status: "PUBLISHED", hidden: true },
  { label: "withdrawn", status: "WITHDRAWN", hidden: false },
  { label: "draft", status: "DRAFT", hidden: false },
] as const;

const rows: { id: string; label: string }[] = [];

beforeAll(async () => {
  const author = await createUser({ role: "PROJECT_LEADER" });
  const coordinator = await createUser({ role: "COORDINATOR" });
  const experiment = await createExperiment(author.municipalityId!);
  const theme = await createTheme();
  for (const consent of consents) {
    for (const published of [false, true]) {
      for (const state of updateStates) {
        const label = `${consent} ${published ? "published" : "unpublished"} ${state.label}`;
        const update = await db.update.create({
          data: {
            authorId: author.id,
            experimentId: experiment.id,
            title: label,
            body: "",
            phase: "UITVOERING",
            status: state.status,
            publishedAt: state.status === "DRAFT" ? null : new Date(),
            hiddenAt: state.hidden ? new Date() : null,
          },
        });
        const entry = await db.inspirationEntry.create({
          data: {
            updateId: update.id,
            themeId: theme.id,
            requestedById: coordinator.id,
            consent,
            publishedAt: published ? new Date() : null,
          },
        });
        rows.push({ id: entry.id, label });
      }
    }
  }
});

describe("which entries are public", () => {
  it("only an accepted, published entry of a listed update, by the where, the predicate and the book alike", async () => {
    const matched = await db.inspirationEntry.findMany({ where: publicInspirationWhere, select: { id: true } });
    expect(matched.map((row) => rows.find((r) => r.id === row.id)?.label)).toEqual(["ACCEPTED published listed"]);

    const all = await db.inspirationEntry.findMany({
      select: { id: true, consent: true, publishedAt: true, update: { select: { status: true, hiddenAt: true } } },
    });
    expect(all.filter(isPublicInspirationEntry).map((row) => row.id)).toEqual(matched.map((row) => row.id));

    const book = await getInspirationBook();
    expect(book.chapters.flatMap((chapter) => chapter.entries).map((entry) => entry.id)).toEqual(matched.map((row) => row.id));
    expect(book.unsorted).toEqual([]);
  });
});

describe("the proxy", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = "test-secret-for-the-inspiration-proxy-0123456789";
    delete process.env.NEXTAUTH_URL;
  });

  it("lets a visitor open /inspiratie and nothing under or beside it", async () => {
    const { proxy } = await import("@/proxy");
    const visit = async (path: string) => (await proxy(new NextRequest(`http://localhost${path}`))).headers.get("location");
    expect(await visit("/inspiratie")).toBeNull();
    expect(await visit("/inspiratie?print=1")).toBeNull();
    for (const path of ["/inspiratie/abc", "/inspiratieboek", "/beheer/inspiratie", "/updates", "/beelden/cabc0000000000000000000000"]) {
      expect(await visit(path), path).toMatch(/\/inloggen\?callbackUrl=/);
    }
  });
});

describe("an example's text in the public book", () => {
  it("keeps links into the portal and uploaded images out, and outside links and footnotes in", () => {
    const source = [
      "Zie [de update](/updates/abc), [het experiment](experimenten/x) en [een site](https://example.org/wijk).[^1]",
      "",
      "![Foto van de wijk](/beelden/cabc123)",
      "",
      "[^1]: Een voetnoot.",
    ].join("\n");
    const html = renderToStaticMarkup(createElement(Markdown, { children: source, publicView: true, idPrefix: "voorbeeld-1-" }));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.filter((href) => !href.startsWith("#") && !href.startsWith("https://example.org/"))).toEqual([]);
    expect(hrefs.some((href) => href.startsWith("#voorbeeld-1-"))).toBe(true);
    expect(html).toContain("de update");
    expect(html).toContain("Foto van de wijk");
    expect(html).not.toContain("<img");
    // Members still get links and images.
    const members = renderToStaticMarkup(createElement(Markdown, { children: source }));
    expect(members).toContain('href="/updates/abc"');
    expect(members).toContain('src="/beelden/cabc123"');
  });
});
