import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { deleteOwnAccount } from "@/lib/privacy/service";
import { AVATAR_SIZE } from "@/lib/profiles/avatar-image";
import { getOwnProfileSettings, getProfile } from "@/lib/profiles/queries";
import { removeAvatar, updateProfile, uploadAvatar } from "@/lib/profiles/service";
import { deleteUnusedUploads, UNUSED_UPLOAD_TTL_MS } from "@/lib/uploads/cleanup";
import { getUploadStorage } from "@/lib/uploads/storage";
import { actorOf, createActor, createUser, TEST_PASSWORD } from "./support/factories";
import { createExperiment, createPublishedUpdate, postComment } from "./support/notification-fixtures";

let dataDir: string;
const originalDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "koppelkans-profiles-"));
  process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
  if (originalDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = originalDataDir;
  await rm(dataDir, { recursive: true, force: true });
});

const photo = (width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Artist: "Geheime Fotograaf" } } })
    .toBuffer();

const auditRowsOf = (targetId: string) => db.auditLog.count({ where: { targetId, action: { startsWith: "profile." } } });

const input = (userId: string, overrides: Record<string, unknown> = {}) => ({
  userId,
  name: "Nieuwe Naam (test)",
  bio: "Ik werk aan de warmtetransitie in Tilburg.",
  locale: "en",
  ...overrides,
});

describe("editing one's own profile", () => {
  it.each<Role>(["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"])("a %s changes their own name, bio and language", async (role) => {
    const actor = await createActor(role);
    const result = await updateProfile({ actor, input: input(actor.id, { bio: "  Regel één\r\nRegel twee  " }) });
    expect(result).toEqual({ ok: true, data: { changed: ["name", "bio", "locale"], locale: "en" } });
    expect(await getOwnProfileSettings(actor)).toMatchObject({ name: "Nieuwe Naam (test)", bio: "Regel één\nRegel twee", locale: "en" });
    const rows = await db.auditLog.findMany({ where: { targetId: actor.id, action: "profile.update" } });
    expect(rows).toHaveLength(1);
    // The log cannot be erased, so it names the fields, never what was typed.
    expect(rows[0]!.data).toEqual({ fields: ["name", "bio", "locale"] });
    expect(JSON.stringify(rows[0])).not.toContain("warmtetransitie");
  });

  it.each<Role>(["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"])(
    "a %s cannot change another person's profile, and no audit row is written",
    async (role) => {
      const actor = await createActor(role);
      const other = await createUser({ name: "Ander Persoon (test)" });
      expect(await updateProfile({ actor, input: input(other.id) })).toEqual({ ok: false, error: "permission.denied" });
      expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ name: "Ander Persoon (test)", bio: "" });
      expect(await auditRowsOf(other.id)).toBe(0);
      expect(await auditRowsOf(actor.id)).toBe(0);
    },
  );

  it("refuses a visitor", async () => {
    const other = await createUser();
    expect(await updateProfile({ actor: null, input: input(other.id) })).toEqual({ ok: false, error: "permission.denied" });
    expect(await auditRowsOf(other.id)).toBe(0);
  });

  it("refuses a bio over 500 characters and a too short name, with field errors and no audit row", async () => {
    const actor = await createActor("MEMBER");
    const result = await updateProfile({ actor, input: input(actor.id, { bio: "a".repeat(501), name: "X" }) });
    expect(result).toMatchObject({
      ok: false,
      error: "form.invalid",
      fieldErrors: { bio: ["profile.bioTooLong"], name: ["name.tooShort"] },
    });
    expect((await updateProfile({ actor, input: input(actor.id, { bio: "a".repeat(500) }) })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { targetId: actor.id, action: "profile.update" } })).toBe(1);
  });

  it("refuses a language the portal does not have", async () => {
    const actor = await createActor("MEMBER");
    expect(await updateProfile({ actor, input: input(actor.id, { locale: "de" }) })).toMatchObject({
      ok: false,
      fieldErrors: { locale: ["profile.localeInvalid"] },
    });
  });
});

describe("the profile photo", () => {
  it("is re-encoded, cropped square and stripped of metadata; a new one replaces (and deletes) the old", async () => {
    const actor = await createActor("MEMBER");
    const first = await uploadAvatar({ actor, input: { userId: actor.id }, file: { bytes: await photo() } });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const upload = await db.upload.findUniqueOrThrow({ where: { id: first.data.id } });
    expect(upload).toMatchObject({
      uploaderId: actor.id,
      updateId: null,
      width: AVATAR_SIZE,
      height: AVATAR_SIZE,
      contentType: "image/jpeg",
    });
    const stored = await getUploadStorage().get(upload.storageKey);
    expect(stored).not.toBeNull();
    const metadata = await sharp(stored!).metadata();
    expect([metadata.width, metadata.height, metadata.exif]).toEqual([AVATAR_SIZE, AVATAR_SIZE, undefined]);
    expect((await getOwnProfileSettings(actor)).avatarId).toBe(upload.id);

    const second = await uploadAvatar({ actor, input: { userId: actor.id }, file: { bytes: await photo(100, 400) } });
    expect(second.ok).toBe(true);
    expect(await db.upload.findUnique({ where: { id: upload.id } })).toBeNull();
    expect(await getUploadStorage().get(upload.storageKey)).toBeNull();
    expect(await db.auditLog.count({ where: { targetId: actor.id, action: "profile.avatar-set" } })).toBe(2);
  });

  it("refuses a file that is not a PNG, JPEG or WebP image, storing nothing", async () => {
    const actor = await createActor("MEMBER");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "red" } })
      .gif()
      .toBuffer();
    for (const bytes of [svg, gif, Buffer.from("geen afbeelding")]) {
      const result = await uploadAvatar({ actor, input: { userId: actor.id }, file: { bytes } });
      expect(result.ok).toBe(false);
      expect(["upload.unsupportedType", "upload.notAnImage"]).toContain((result as { error: string }).error);
    }
    expect(await db.upload.count({ where: { uploaderId: actor.id } })).toBe(0);
    expect(await auditRowsOf(actor.id)).toBe(0);
  });

  it("cannot be set or removed for someone else (no row, no audit)", async () => {
    const actor = await createActor("COORDINATOR");
    const other = await createUser();
    expect(await uploadAvatar({ actor, input: { userId: other.id }, file: { bytes: await photo() } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    const own = await uploadAvatar({ actor: actorOf(other), input: { userId: other.id }, file: { bytes: await photo() } });
    expect(own.ok).toBe(true);
    expect(await removeAvatar({ actor, input: { userId: other.id } })).toEqual({ ok: false, error: "permission.denied" });
    expect((await getOwnProfileSettings(other)).avatarId).not.toBeNull();
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });

  it("is removed (row and file), back to initials; removing nothing is refused without an audit row", async () => {
    const actor = await createActor("PROJECT_LEADER");
    const set = await uploadAvatar({ actor, input: { userId: actor.id }, file: { bytes: await photo() } });
    if (!set.ok) throw new Error("upload failed");
    const { storageKey } = await db.upload.findUniqueOrThrow({ where: { id: set.data.id } });
    expect(await removeAvatar({ actor, input: { userId: actor.id } })).toEqual({ ok: true, data: null });
    expect((await getOwnProfileSettings(actor)).avatarId).toBeNull();
    expect(await db.upload.findUnique({ where: { id: set.data.id } })).toBeNull();
    expect(await getUploadStorage().get(storageKey)).toBeNull();
    expect(await removeAvatar({ actor, input: { userId: actor.id } })).toEqual({ ok: false, error: "profile.noPhoto" });
    expect(await db.auditLog.count({ where: { targetId: actor.id, action: "profile.avatar-remove" } })).toBe(1);
  });

  it("is not taken for an unused upload by the weekly clean-up", async () => {
    const actor = await createActor("MEMBER");
    const set = await uploadAvatar({ actor, input: { userId: actor.id }, file: { bytes: await photo() } });
    if (!set.ok) throw new Error("upload failed");
    await db.upload.update({ where: { id: set.data.id }, data: { createdAt: new Date(Date.now() - UNUSED_UPLOAD_TTL_MS - 60_000) } });
    await deleteUnusedUploads();
    expect(await db.upload.findUnique({ where: { id: set.data.id } })).not.toBeNull();
  });

  it("goes with the account when the person deletes it, as does the bio", async () => {
    const user = await createUser();
    const actor = actorOf(user);
    await updateProfile({ actor, input: input(actor.id, { bio: "Over mij (test)" }) });
    const set = await uploadAvatar({ actor, input: { userId: actor.id }, file: { bytes: await photo() } });
    if (!set.ok) throw new Error("upload failed");
    const { storageKey } = await db.upload.findUniqueOrThrow({ where: { id: set.data.id } });
    expect((await deleteOwnAccount({ actor, input: { ip: "203.0.113.77", password: TEST_PASSWORD } })).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ bio: "" });
    expect(await db.upload.count({ where: { avatarOfId: user.id } })).toBe(0);
    expect(await db.upload.findUnique({ where: { id: set.data.id } })).toBeNull();
    expect(await getUploadStorage().get(storageKey)).toBeNull();
  });
});

describe("the profile page's data", () => {
  it("shows name, role, municipality, led experiments and only listed updates and shown comments", async () => {
    const person = await createUser({ role: "PROJECT_LEADER", name: "Petra Profiel (test)" });
    const reader = await createActor("MEMBER");
    const experiment = await createExperiment(person.municipalityId!);
    await db.experiment.update({ where: { id: experiment.id }, data: { leaders: { connect: { id: person.id } } } });
    const listed = await createPublishedUpdate({ authorId: person.id, experimentId: experiment.id, title: "Zichtbare update" });
    const hidden = await createPublishedUpdate({ authorId: person.id, experimentId: experiment.id, title: "Verborgen update" });
    await db.update.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    const withdrawn = await createPublishedUpdate({ authorId: person.id, experimentId: experiment.id, title: "Ingetrokken update" });
    await db.update.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN" } });
    await db.update.create({
      data: { authorId: person.id, experimentId: experiment.id, title: "Concept", body: "", phase: "UITVOERING", status: "DRAFT" },
    });
    const shown = await postComment({ updateId: listed.id, authorId: person.id, body: "Zichtbare reactie" });
    const hiddenComment = await postComment({ updateId: listed.id, authorId: person.id, body: "Verborgen reactie" });
    await db.comment.update({ where: { id: hiddenComment.id }, data: { hiddenAt: new Date() } });
    const deletedComment = await postComment({ updateId: listed.id, authorId: person.id, body: "Verwijderde reactie" });
    await db.comment.update({ where: { id: deletedComment.id }, data: { deletedAt: new Date() } });
    await postComment({ updateId: hidden.id, authorId: person.id, body: "Reactie op een verborgen update" });

    // Staff and the person themselves see the same page as everyone.
    for (const viewer of [reader, actorOf(person), await createActor("ADMIN")]) {
      const profile = await getProfile(viewer, person.id);
      expect(profile).toMatchObject({ name: "Petra Profiel (test)", role: "PROJECT_LEADER", municipality: { slug: expect.any(String) } });
      expect(profile!.ledExperiments.map((item) => item.slug)).toEqual([experiment.slug]);
      expect(profile!.updates.map((update) => update.title)).toEqual(["Zichtbare update"]);
      expect(profile!.comments.map((comment) => comment.id)).toEqual([shown.id]);
      expect(profile!.comments[0]).toMatchObject({ excerpt: "Zichtbare reactie", update: { id: listed.id } });
    }
  });

  it("is gone for a deleted (anonymised) account and for a visitor; a blocked person's page stays", async () => {
    const reader = await createActor("MEMBER");
    const gone = await createUser();
    await db.user.update({ where: { id: gone.id }, data: { anonymisedAt: new Date() } });
    expect(await getProfile(reader, gone.id)).toBeNull();
    const blocked = await createUser({ blocked: true, name: "Geblokkeerd (test)" });
    expect(await getProfile(reader, blocked.id)).toMatchObject({ name: "Geblokkeerd (test)" });
    expect(await getProfile(null, blocked.id)).toBeNull();
    expect(await getProfile(reader, "bestaatniet")).toBeNull();
  });
});
