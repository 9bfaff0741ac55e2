import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createExportArchive } from "@/lib/privacy/archive";
import { EXPORT_FILES } from "@/lib/privacy/readme";
import { LocalDiskStorage } from "@/lib/uploads/storage";
import { replyTo, seedPerson, type SeededPerson } from "./support/privacy-fixtures";

let storage: LocalDiskStorage;
let anna: SeededPerson;
let bram: SeededPerson;

async function unzip(stream: ReadableStream<Uint8Array>): Promise<Record<string, Uint8Array>> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return unzipSync(bytes);
}

async function exportOf(person: SeededPerson) {
  const files = await unzip(await createExportArchive(person.user.id, { storage }));
  const json = (name: string) => JSON.parse(strFromU8(files[name]!)) as unknown;
  // Everything in the archive as one text (images included), to look for anyone else's data.
  const text = Object.entries(files)
    .map(([name, data]) => `${name}\n${strFromU8(data)}`)
    .join("\n");
  return { files, json, text };
}

beforeAll(async () => {
  storage = new LocalDiskStorage(path.join(await mkdtemp(path.join(tmpdir(), "kk-privacy-export-")), "uploads"));
  anna = await seedPerson("Anna", { storage });
  bram = await seedPerson("Bram", { storage });
  // Each replies to the other: the notification is the recipient's, the reply its author's.
  await replyTo(anna, bram.user, "Antwoord van Bram aan Anna");
  await replyTo(bram, anna.user, "Antwoord van Anna aan Bram");
});

describe("the data export", () => {
  it("holds a README, one JSON file per kind and the person's images", async () => {
    const { files } = await exportOf(anna);
    const expected = EXPORT_FILES.map(([name]) => name).filter((name) => !name.endsWith("/"));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.txt", ...expected]));
    const images = Object.keys(files).filter((name) => name.startsWith("afbeeldingen/"));
    expect(images).toEqual([`afbeeldingen/${anna.upload.id}.webp`]);
    expect(Buffer.from(files[images[0]!]!)).toEqual(anna.imageBytes);
    const readme = strFromU8(files["README.txt"]!);
    expect(readme).toContain("Je gegevens uit Koppelkans");
    for (const name of expected) expect(readme).toContain(name);
  });

  it("contains every kind of the person's data", async () => {
    const { json } = await exportOf(anna);
    expect(json("profiel.json")).toMatchObject({
      id: anna.user.id,
      name: "Persoon Anna",
      email: anna.user.email,
      role: "PROJECT_LEADER",
      hasFeedLink: true,
    });
    const updates = json("updates.json") as {
      written: { id: string; title: string; revisions: { title: string; editedByYou: boolean }[] }[];
    };
    expect(updates.written).toMatchObject([
      { id: anna.update.id, title: "Update van Anna", revisions: [{ title: "Eerste titel van Anna", editedByYou: true }] },
    ]);
    const comments = json("reacties.json") as { body: string; revisions: { body: string }[] }[];
    expect(comments.map((comment) => comment.body).sort()).toEqual(["Antwoord van Anna aan Bram", "Reactie van Anna"]);
    expect(comments.find((comment) => comment.body === "Reactie van Anna")?.revisions).toMatchObject([
      { body: "Eerdere reactie van Anna" },
    ]);
    expect(json("nuttig.json")).toMatchObject([{ update: { id: anna.update.id } }]);
    expect(json("volgend.json")).toMatchObject([{ targetType: "EXPERIMENT", targetId: anna.experiment.id, name: anna.experiment.title }]);
    expect(json("meldingen.json")).toMatchObject([{ kind: "REPLY", update: { id: anna.update.id, title: "Update van Anna" } }]);
    expect(json("e-mailvoorkeuren.json")).toMatchObject([{ kind: "MENTION", frequency: "DAILY" }]);
    expect(json("bezoeken.json")).toMatchObject([{ update: { id: anna.update.id } }]);
    expect(json("gemelde-berichten.json")).toMatchObject([
      { reason: "OTHER", text: "Melding van Anna", item: { commentId: anna.comment.id } },
    ]);
    expect(json("logboek.json")).toMatchObject([{ action: "feedToken.create", targetId: anna.user.id }]);
    expect(json("afbeeldingen.json")).toMatchObject([
      { id: anna.upload.id, file: `afbeeldingen/${anna.upload.id}.webp`, update: { id: anna.update.id } },
    ]);
  });

  it("contains none of anyone else's data, and no secrets", async () => {
    const { text } = await exportOf(anna);
    const bramsSession = await db.session.findFirstOrThrow({ where: { userId: bram.user.id } });
    for (const foreign of [
      bram.user.id,
      bram.user.email,
      "Persoon Bram",
      "Reactie van Bram",
      "Eerdere reactie van Bram",
      "Melding van Bram",
      "beeld van Bram",
      bram.upload.id,
      // Bram's reply to Anna: her notification names the update, not him or his words.
      "Antwoord van Bram aan Anna",
      bramsSession.sessionToken,
    ]) {
      expect(text).not.toContain(foreign);
    }
    const own = await db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(text).not.toContain(own.passwordHash!);
    expect(text).not.toContain(own.feedTokenHash!);
    expect(text).not.toContain("passwordHash");
  });

  it("names another person's update only as the place of the person's own comment on it", async () => {
    const { files, json } = await exportOf(anna);
    const comments = json("reacties.json") as { body: string; update: { id: string; title: string } }[];
    expect(comments.find((comment) => comment.body === "Antwoord van Anna aan Bram")?.update).toEqual({
      id: bram.update.id,
      title: "Update van Bram",
    });
    const elsewhere = Object.entries(files).filter(
      ([name, data]) => name !== "reacties.json" && strFromU8(data).includes("Update van Bram"),
    );
    expect(elsewhere.map(([name]) => name)).toEqual([]);
  });

  it("streams: an image is read from storage only when the download gets that far", async () => {
    const reads: string[] = [];
    const counting = {
      put: storage.put.bind(storage),
      delete: storage.delete.bind(storage),
      get: (key: string) => (reads.push(key), storage.get(key)),
      stream: storage.stream.bind(storage),
      list: storage.list.bind(storage),
      check: storage.check.bind(storage),
    };
    const stream = await createExportArchive(anna.user.id, { storage: counting });
    expect(reads).toEqual([]);
    const reader = stream.getReader();
    await reader.read();
    expect(reads).toEqual([]);
    while (!(await reader.read()).done);
    expect(reads).toHaveLength(1);
  });

  it("lists an image whose file is missing from storage without failing the export", async () => {
    const upload = await db.upload.findUniqueOrThrow({ where: { id: bram.upload.id } });
    await storage.delete(upload.storageKey);
    const { files, json } = await exportOf(bram);
    expect(Object.keys(files).filter((name) => name.startsWith("afbeeldingen/"))).toEqual([]);
    expect(json("afbeeldingen.json")).toMatchObject([{ id: bram.upload.id, file: null }]);
  });
});
