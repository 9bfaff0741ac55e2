import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteUnusedUploads, UNUSED_UPLOAD_TTL_MS } from "@/lib/uploads/cleanup";
import { LocalDiskStorage } from "@/lib/uploads/storage";
import { createUser, unique } from "./support/factories";

describe("unused uploads", () => {
  it("are removed (row and file) after a week; used and recent ones stay", async () => {
    const storage = new LocalDiskStorage(path.join(await mkdtemp(path.join(tmpdir(), "kk-cleanup-")), "uploads"));
    const uploader = await createUser({ role: "PROJECT_LEADER" });
    const experiment = await db.experiment.create({
      data: {
        title: "E",
        slug: `e-${unique()}`,
        summary: "-",
        municipalityId: uploader.municipalityId!,
        startDate: new Date("2024-01-01"),
      },
    });
    const update = await db.update.create({
      data: { title: "U", body: "", phase: "UITVOERING", experimentId: experiment.id, authorId: uploader.id },
    });
    const old = new Date(Date.now() - UNUSED_UPLOAD_TTL_MS - 60_000);
    async function upload(createdAt: Date, updateId: string | null) {
      const key = `2026/11/c${unique()}abcdefghij.png`;
      await storage.put(key, Buffer.from("png"), "image/png");
      const row = await db.upload.create({
        data: { uploaderId: uploader.id, updateId, storageKey: key, contentType: "image/png", byteSize: 3, width: 1, height: 1, createdAt },
      });
      return { id: row.id, key };
    }
    const unusedOld = await upload(old, null);
    const usedOld = await upload(old, update.id);
    const unusedNew = await upload(new Date(), null);

    expect(await deleteUnusedUploads({ storage })).toBe(1);
    expect(await db.upload.findUnique({ where: { id: unusedOld.id } })).toBeNull();
    expect(await storage.get(unusedOld.key)).toBeNull();
    for (const kept of [usedOld, unusedNew]) {
      expect(await db.upload.findUnique({ where: { id: kept.id } })).not.toBeNull();
      expect(await storage.get(kept.key)).not.toBeNull();
    }
  });
});
