import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cached, forceCache, invalidateLocally } from "@/lib/cache/shared";
import { mergeTags, parseTagPayload, tagsForAuditEvents } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { hideContent } from "@/lib/moderation/service";
import { getHomeProgramme } from "@/lib/programme/home-queries";
import { listTaxonomy } from "@/lib/taxonomy/queries";
import { mergeTaxonomy } from "@/lib/taxonomy/service";
import { saveUpdate, withdrawUpdate } from "@/lib/updates/service";
import { createActor, createMunicipality } from "./support/factories";
import { createExperiment, createOpgave, createTheme } from "./support/notification-fixtures";

describe("cache tags", () => {
  it("derives the tags of a write from its audit events", () => {
    expect(tagsForAuditEvents(["update.hide"])).toEqual(["listed-updates"]);
    expect(tagsForAuditEvents(["opgave.merge", "experiment.update"])).toEqual(["listed-updates", "taxonomy", "programme"]);
    expect(tagsForAuditEvents(["user.block", "comment.hide", "odd"])).toEqual([]);
  });

  it("merges lists without repeats and reads notification payloads", () => {
    expect(mergeTags(["programme", "taxonomy"], ["taxonomy"])).toEqual(["taxonomy", "programme"]);
    expect(parseTagPayload("taxonomy,nonsense,programme")).toEqual(["taxonomy", "programme"]);
    expect(parseTagPayload(undefined)).toEqual([]);
  });
});

describe("cached reads", () => {
  beforeAll(() => forceCache(true));
  afterAll(() => forceCache(null));

  it("serves one read per key until one of its tags is invalidated", async () => {
    let reads = 0;
    const read = cached("test.count", ["programme"], async (key: string) => `${key}-${++reads}`);
    expect(await read("a")).toBe("a-1");
    expect(await read("a")).toBe("a-1");
    expect(await read("b")).toBe("b-2");
    invalidateLocally(["taxonomy"]);
    expect(await read("a")).toBe("a-1");
    invalidateLocally(["programme"]);
    expect(await read("a")).toBe("a-3");
  });

  it("never keeps a read that was running when its tag was invalidated", async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    const read = cached("test.slow", ["listed-updates"], async () => {
      reads += 1;
      if (reads === 1) await new Promise<void>((resolve) => (release = resolve));
      return reads;
    });
    const first = read();
    invalidateLocally(["listed-updates"]);
    release();
    expect(await first).toBe(1);
    expect(await read()).toBe(2);
  });

  it("is off by default outside the Next server, so tests and scripts read fresh", async () => {
    forceCache(null);
    let reads = 0;
    const read = cached("test.off", ["programme"], async () => ++reads);
    await read();
    expect(await read()).toBe(2);
    forceCache(true);
  });
});

describe("writes invalidate the cached reads they change", () => {
  beforeAll(() => forceCache(true));
  afterAll(() => forceCache(null));

  const countOf = async (id: string) => (await listTaxonomy("opgave")).find((item) => item.id === id)?.updateCount;

  it("publish, withdraw, hide and merge show at once; a refused write keeps the cache", async () => {
    const municipality = await createMunicipality();
    const experiment = await createExperiment(municipality.id);
    const [opgave, other, theme] = await Promise.all([createOpgave(), createOpgave(), createTheme()]);
    const author = await createActor("PROJECT_LEADER", { municipalityId: municipality.id });
    const coordinator = await createActor("COORDINATOR");
    const member = await createActor("MEMBER");
    const publish = (title: string) =>
      saveUpdate({
        actor: author,
        input: {
          experimentId: experiment.id,
          title,
          body: "Tekst.",
          phase: "UITVOERING",
          milestone: "",
          opgaveIds: [opgave.id],
          themeIds: [theme.id],
          intent: "publish",
        },
      });

    expect(await countOf(opgave.id)).toBe(0);
    const first = await publish("Eerste");
    const second = await publish("Tweede");
    if (!first.ok || !second.ok) throw new Error("publish failed");
    expect(await countOf(opgave.id)).toBe(2);
    expect((await getHomeProgramme()).experiments[0]?.id).toBe(experiment.id);

    // A refused write invalidates nothing: a change behind the pipeline's back stays unseen.
    await db.update.update({ where: { id: second.data.id }, data: { status: "WITHDRAWN" } });
    expect((await withdrawUpdate({ actor: member, input: { updateId: first.data.id } })).ok).toBe(false);
    expect(await countOf(opgave.id)).toBe(2);
    await db.update.update({ where: { id: second.data.id }, data: { status: "PUBLISHED" } });

    expect((await withdrawUpdate({ actor: author, input: { updateId: second.data.id } })).ok).toBe(true);
    expect(await countOf(opgave.id)).toBe(1);

    const hidden = await hideContent({
      actor: coordinator,
      input: { targetType: "UPDATE", targetId: first.data.id, reason: "Test van de cache." },
    });
    expect(hidden.ok).toBe(true);
    expect(await countOf(opgave.id)).toBe(0);

    expect((await publish("Derde")).ok).toBe(true);
    expect(await countOf(other.id)).toBe(0);
    const merged = await mergeTaxonomy({
      actor: coordinator,
      input: { kind: "opgave", sourceId: opgave.id, targetId: other.id, confirm: "on" },
    });
    expect(merged.ok).toBe(true);
    expect(await countOf(other.id)).toBe(1);
    expect(await countOf(opgave.id)).toBeUndefined();
  });
});
