import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { countAppreciations, getUpdateAppreciation, listAppreciatorsOfUpdate } from "@/lib/appreciation/queries";
import { toggleAppreciation } from "@/lib/appreciation/service";
import { getCommentsForUpdate } from "@/lib/comments/queries";
import { deleteComment, postComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import type { UpdateStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/permissions";
import { createActor, createExperiment, createMunicipality, unique } from "./support/factories";

let author: Actor;
let member: Actor;
let otherMember: Actor;
let coordinator: Actor;
let experimentId: string;

async function createUpdate(status: UpdateStatus = "PUBLISHED") {
  return db.update.create({
    data: {
      experimentId,
      authorId: author.id,
      title: `Update ${unique()}`,
      body: "Tekst",
      phase: "UITVOERING",
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
    },
    select: { id: true },
  });
}

async function createComment(actor: Actor, updateId: string) {
  const result = await postComment({ actor, input: { updateId, body: "Nuttige reactie", clientKey: randomUUID() } });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

beforeAll(async () => {
  const municipality = await createMunicipality();
  experimentId = (await createExperiment(municipality.id)).id;
  [author, member, otherMember, coordinator] = await Promise.all([
    createActor("PROJECT_LEADER", { municipalityId: municipality.id, name: "Anna Aanjager" }),
    createActor("MEMBER", { name: "Bram de Boer" }),
    createActor("MEMBER", { name: "Cor Cornelissen" }),
    createActor("COORDINATOR", { name: "Els Elzinga" }),
  ]);
});

describe("nuttig on an update", () => {
  it("toggles on and off, one mark per person, with the count", async () => {
    const update = await createUpdate();
    expect(await toggleAppreciation({ actor: member, input: { updateId: update.id } })).toEqual({
      ok: true,
      data: { appreciated: true, count: 1, updateId: update.id },
    });
    expect(await toggleAppreciation({ actor: otherMember, input: { updateId: update.id } })).toMatchObject({
      ok: true,
      data: { appreciated: true, count: 2 },
    });
    expect(await toggleAppreciation({ actor: member, input: { updateId: update.id } })).toMatchObject({
      ok: true,
      data: { appreciated: false, count: 1 },
    });
    expect(await toggleAppreciation({ actor: member, input: { updateId: update.id } })).toMatchObject({
      ok: true,
      data: { appreciated: true, count: 2 },
    });
    expect(await countAppreciations({ updateId: update.id })).toBe(2);
  });

  it("asking for a state twice (a double click) keeps one mark", async () => {
    const update = await createUpdate();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => toggleAppreciation({ actor: member, input: { updateId: update.id, appreciated: "true" } })),
    );
    expect(results.every((result) => result.ok && result.data.appreciated)).toBe(true);
    expect(await db.appreciation.count({ where: { updateId: update.id } })).toBe(1);
    await toggleAppreciation({ actor: member, input: { updateId: update.id, appreciated: "false" } });
    await toggleAppreciation({ actor: member, input: { updateId: update.id, appreciated: "false" } });
    expect(await db.appreciation.count({ where: { updateId: update.id } })).toBe(0);
  });

  it("refuses a mark on one's own update, on a draft or withdrawn update, and from a visitor", async () => {
    const update = await createUpdate();
    expect(await toggleAppreciation({ actor: author, input: { updateId: update.id } })).toEqual({
      ok: false,
      error: "comment.appreciateOwn",
    });
    for (const status of ["DRAFT", "WITHDRAWN"] as const) {
      const closed = await createUpdate(status);
      expect(await toggleAppreciation({ actor: member, input: { updateId: closed.id } })).toEqual({
        ok: false,
        error: "comment.appreciationTargetGone",
      });
    }
    expect(await toggleAppreciation({ actor: null, input: { updateId: update.id } })).toEqual({ ok: false, error: "permission.denied" });
    expect(await toggleAppreciation({ actor: member, input: {} })).toEqual({ ok: false, error: "comment.appreciationTargetGone" });
    expect(await toggleAppreciation({ actor: member, input: { updateId: update.id, commentId: "x" } })).toEqual({
      ok: false,
      error: "comment.appreciationTargetGone",
    });
    expect(await db.appreciation.count({ where: { updateId: update.id } })).toBe(0);
  });

  it("only the update's author sees who found it useful", async () => {
    const update = await createUpdate();
    expect(await listAppreciatorsOfUpdate(author, update.id)).toEqual([]);
    await toggleAppreciation({ actor: member, input: { updateId: update.id } });
    await toggleAppreciation({ actor: coordinator, input: { updateId: update.id } });
    expect(await listAppreciatorsOfUpdate(author, update.id)).toEqual([
      { id: member.id, name: "Bram de Boer", municipality: null },
      { id: coordinator.id, name: "Els Elzinga", municipality: null },
    ]);
    for (const actor of [member, otherMember, coordinator, null]) expect(await listAppreciatorsOfUpdate(actor, update.id)).toBeNull();

    expect(await getUpdateAppreciation(author, update.id)).toMatchObject({
      count: 2,
      appreciatedByMe: false,
      canAppreciate: false,
      appreciators: [{}, {}],
    });
    expect(await getUpdateAppreciation(member, update.id)).toEqual({
      count: 2,
      appreciatedByMe: true,
      canAppreciate: true,
      appreciators: null,
    });
    expect(await getUpdateAppreciation(otherMember, update.id)).toEqual({
      count: 2,
      appreciatedByMe: false,
      canAppreciate: true,
      appreciators: null,
    });
  });
});

describe("nuttig on a comment", () => {
  it("toggles, counts and shows in the comment list", async () => {
    const update = await createUpdate();
    const comment = await createComment(member, update.id);
    expect(await toggleAppreciation({ actor: author, input: { commentId: comment.id } })).toEqual({
      ok: true,
      data: { appreciated: true, count: 1, updateId: update.id },
    });
    await toggleAppreciation({ actor: otherMember, input: { commentId: comment.id } });
    const seen = async (actor: Actor) => (await getCommentsForUpdate(actor, update.id))?.threads[0];
    expect(await seen(author)).toMatchObject({ appreciationCount: 2, appreciatedByMe: true, canAppreciate: true });
    expect(await seen(member)).toMatchObject({ appreciationCount: 2, appreciatedByMe: false, canAppreciate: false });
    await toggleAppreciation({ actor: author, input: { commentId: comment.id } });
    expect(await seen(author)).toMatchObject({ appreciationCount: 1, appreciatedByMe: false });
  });

  it("refuses a mark on one's own comment and on a deleted or hidden one", async () => {
    const update = await createUpdate();
    const comment = await createComment(member, update.id);
    expect(await toggleAppreciation({ actor: member, input: { commentId: comment.id } })).toEqual({
      ok: false,
      error: "comment.appreciateOwn",
    });

    const hidden = await createComment(member, update.id);
    await db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    expect(await toggleAppreciation({ actor: otherMember, input: { commentId: hidden.id } })).toEqual({
      ok: false,
      error: "comment.appreciationTargetGone",
    });

    await toggleAppreciation({ actor: otherMember, input: { commentId: comment.id } });
    await deleteComment({ actor: member, input: { commentId: comment.id } });
    expect(await toggleAppreciation({ actor: otherMember, input: { commentId: comment.id } })).toEqual({
      ok: false,
      error: "comment.appreciationTargetGone",
    });
    // The marks of a deleted comment go with its text.
    expect(await countAppreciations({ commentId: comment.id })).toBe(0);
  });
});
