import { beforeAll, describe, expect, it } from "vitest";
import { searchMembers } from "@/lib/comments/members";
import { getCommentsForUpdate } from "@/lib/comments/queries";
import { db } from "@/lib/db";
import { getFeedEntries } from "@/lib/feeds/queries";
import { listFollows } from "@/lib/follows/queries";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import type { Actor } from "@/lib/policy/permissions";
import { getExperimentPage, getMunicipalityPage } from "@/lib/programme/queries";
import { getTaxonomyPage, listLatestUpdates, listTaxonomy } from "@/lib/taxonomy/queries";
import { collectUpdatesForExport } from "@/lib/updates/export";
import { getUpdateForReader, searchUpdates } from "@/lib/updates/queries";
import { parseUpdatesTableParams } from "@/lib/updates/table-params";
import { actorOf, createMunicipality, createUser, unique } from "./support/factories";
import { createExperiment, createOpgave, createTheme } from "./support/notification-fixtures";

/**
 * Every read path named in the access policy (lib/policy/), checked against
 * one world: a published update, a withdrawn one and a draft, all tagged
 * alike; a shown, a hidden and a deleted comment. A member sees only what is
 * listed; the author and staff see what the policy gives them.
 */
const word = `zonnedak${unique()}`;
let member: Actor;
let coordinator: Actor;
let author: Actor;
let experiment: { id: string; slug: string };
let municipalitySlug: string;
let shared: { id: string; slug: string };
let onlyHidden: { id: string; slug: string };
let theme: { id: string; slug: string };
const ids = { published: "", withdrawn: "", draft: "", hidden: "" };
const comments = { shown: "", hidden: "", deleted: "" };
let blockedName: string;

async function makeUpdate(status: "PUBLISHED" | "WITHDRAWN" | "DRAFT", opgaveIds: string[], hidden = false) {
  const update = await db.update.create({
    data: {
      authorId: author.id,
      experimentId: experiment.id,
      title: `${hidden ? "HIDDEN" : status} ${word}`,
      hiddenAt: hidden ? new Date() : null,
      body: `Over het ${word} in de wijk (test)`,
      phase: "UITVOERING",
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
      withdrawnAt: status === "WITHDRAWN" ? new Date() : null,
      opgaven: { create: opgaveIds.map((opgaveId) => ({ opgaveId })) },
      themes: { create: [{ themeId: theme.id }] },
    },
  });
  await db.follow.create({ data: { userId: member.id, targetType: "UPDATE", targetId: update.id } });
  await db.notification.create({ data: { userId: member.id, kind: "FOLLOWED_UPDATE", updateId: update.id, actorId: author.id } });
  return update.id;
}

beforeAll(async () => {
  const municipality = await createMunicipality();
  municipalitySlug = municipality.slug;
  experiment = await createExperiment(municipality.id);
  [shared, onlyHidden, theme] = await Promise.all([createOpgave(), createOpgave(), createTheme()]);
  author = actorOf(await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }));
  member = actorOf(await createUser({ role: "MEMBER" }));
  coordinator = actorOf(await createUser({ role: "COORDINATOR" }));
  ids.published = await makeUpdate("PUBLISHED", [shared.id]);
  ids.withdrawn = await makeUpdate("WITHDRAWN", [shared.id, onlyHidden.id]);
  ids.draft = await makeUpdate("DRAFT", [shared.id, onlyHidden.id]);
  ids.hidden = await makeUpdate("PUBLISHED", [shared.id, onlyHidden.id], true);
  const comment = (extra: { hiddenAt?: Date; deletedAt?: Date }) =>
    db.comment.create({
      data: { updateId: ids.published, authorId: author.id, body: `Reactie ${word} ${unique()}`, ...extra },
      select: { id: true },
    });
  comments.shown = (await comment({})).id;
  comments.hidden = (await comment({ hiddenAt: new Date() })).id;
  comments.deleted = (await comment({ deletedAt: new Date() })).id;
  // The counter counts shown comments only, as the comment service keeps it.
  await db.update.update({ where: { id: ids.published }, data: { commentCount: 1 } });
  blockedName = `Geblokkeerd ${word}`;
  await createUser({ name: blockedName, blocked: true });
});

const params = (query: Record<string, string> = {}) => parseUpdatesTableParams(query);

describe("what a member reads", () => {
  it("the updates table, filtered and searched, lists only the published update", async () => {
    const queries: Record<string, string>[] = [
      {},
      { q: word },
      { opgave: shared.slug },
      { theme: theme.slug },
      { q: word, opgave: onlyHidden.slug },
    ];
    for (const query of queries) {
      const { rows } = await searchUpdates(params(query));
      const mine = rows.map((row) => row.id).filter((id) => Object.values(ids).includes(id));
      expect(mine, JSON.stringify(query)).toEqual(query.opgave === onlyHidden.slug ? [] : [ids.published]);
    }
  });

  it("the CSV export and the Atom feed hold only the published update", async () => {
    const exported = await collectUpdatesForExport(params({ q: word }));
    expect(exported.rows.map((row) => row.id)).toEqual([ids.published]);
    const entries = await getFeedEntries(params({ q: word }));
    expect(entries.map((entry) => entry.link)).toEqual([expect.stringContaining(`/updates/${ids.published}`)]);
  });

  it("an update page opens only for the published update", async () => {
    expect(await getUpdateForReader(member, ids.published)).not.toBeNull();
    expect(await getUpdateForReader(member, ids.withdrawn)).toBeNull();
    expect(await getUpdateForReader(member, ids.draft)).toBeNull();
    expect(await getUpdateForReader(member, ids.hidden)).toBeNull();
  });

  it("the experiment and municipality pages show only the published update and its tags", async () => {
    const page = await getExperimentPage(experiment.slug);
    expect(page?.timeline.map((update) => update.id)).toEqual([ids.published]);
    expect(page?.opgaven.map((opgave) => opgave.id)).toEqual([shared.id]);
    const municipalityPage = await getMunicipalityPage(municipalitySlug);
    expect(municipalityPage?.latestUpdates.map((update) => update.id)).toEqual([ids.published]);
  });

  it("opgave and theme lists count, and their pages list, only the published update", async () => {
    const opgaven = await listTaxonomy("opgave");
    expect(opgaven.find((opgave) => opgave.id === shared.id)?.updateCount).toBe(1);
    expect(opgaven.find((opgave) => opgave.id === onlyHidden.id)?.updateCount).toBe(0);
    expect((await getTaxonomyPage("opgave", onlyHidden.slug))?.updates).toEqual([]);
    expect((await getTaxonomyPage("theme", theme.slug))?.updates.map((update) => update.id)).toEqual([ids.published]);
    const latest = (await listLatestUpdates(50)).map((update) => update.id);
    expect(latest).toContain(ids.published);
    expect(latest).not.toContain(ids.withdrawn);
    expect(latest).not.toContain(ids.draft);
    expect(latest).not.toContain(ids.hidden);
  });

  it("notifications, their count and the follow list leave out what the member may not read", async () => {
    const list = await listNotifications(member.id);
    expect(list.items.map((item) => item.href)).toEqual([expect.stringContaining(ids.published)]);
    expect(await unreadNotificationCount(member.id)).toBe(1);
    const follows = await listFollows(member);
    expect(follows.UPDATE.map((item) => item.href)).toEqual([`/updates/${ids.published}`]);
  });

  it("comments: a hidden or deleted one shows no text and is not counted", async () => {
    const page = await getCommentsForUpdate(member, ids.published);
    expect(page?.total).toBe(1);
    const shown = page?.threads.filter((thread) => thread.state === "visible").map((thread) => thread.id);
    expect(shown).toEqual([comments.shown]);
    for (const thread of page?.threads ?? []) if (thread.state !== "visible") expect(thread.body).toBe("");
    expect(await getCommentsForUpdate(member, ids.withdrawn)).toBeNull();
  });

  it("mention lookups leave out blocked people", async () => {
    const found = await searchMembers(member, "Geblokkeerd");
    expect(found.map((option) => option.name)).not.toContain(blockedName);
  });
});

describe("what the author and staff read", () => {
  it("a hidden comment's text is shown to its author and to staff, with the hidden flag; a deleted one to nobody", async () => {
    for (const reader of [author, coordinator]) {
      const page = await getCommentsForUpdate(reader, ids.published);
      const hidden = page?.threads.find((thread) => thread.id === comments.hidden);
      expect(hidden).toMatchObject({ state: "hidden", hiddenByModeration: true });
      expect(hidden?.body).toContain(word);
      expect(page?.threads.find((thread) => thread.id === comments.deleted)).toBeUndefined();
    }
  });

  it("the author opens their draft and their withdrawn update; staff only the withdrawn one", async () => {
    expect(await getUpdateForReader(author, ids.draft)).not.toBeNull();
    expect(await getUpdateForReader(author, ids.withdrawn)).not.toBeNull();
    expect(await getUpdateForReader(coordinator, ids.withdrawn)).not.toBeNull();
    expect(await getUpdateForReader(coordinator, ids.draft)).toBeNull();
    expect(await getUpdateForReader(author, ids.hidden)).not.toBeNull();
    expect(await getUpdateForReader(coordinator, ids.hidden)).not.toBeNull();
  });

  it("lists stay the same for staff: withdrawn updates are not listed for anyone", async () => {
    const { rows } = await searchUpdates(params({ q: word }));
    expect(rows.map((row) => row.id)).toEqual([ids.published]);
  });
});
