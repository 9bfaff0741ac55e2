import { beforeAll, describe, expect, it } from "vitest";
import { isQuiet, monthsBetween, type Activity } from "@/lib/analytics/activity";
import { getActivity } from "@/lib/analytics/activity-queries";
import { db } from "@/lib/db";
import { createMunicipality, createUser, unique } from "./support/factories";
import { createExperiment } from "./support/notification-fixtures";

/**
 * A hand-made programme with known answers, seen from 15 June 2026 (so the
 * year shown is July 2025 – June 2026). Months are Dutch calendar months.
 *
 * M1 (experiment E1):
 *   u1  A B  2026-01-10            comments 01-11, 02-01, and a deleted and a hidden one in February
 *   u2  A    2026-02-28 23:30 UTC  (March in Amsterdam); comment 2026-05-31 22:30 UTC (June in Amsterdam)
 *   u3  B    2024-05-01            (before the year shown); comment 2026-04-10 (counts: the update is listed)
 *   u4  A    2025-06-30            (before the year shown)
 *   never counted: a hidden, a withdrawn and a draft update with A, each with a shown comment in January
 * M2 (experiment E2), from March 2026 only:
 *   v1  A    2026-03-05            comment 2026-03-06
 * M4 (experiment E4), quiet since May 2024:
 *   w1  B    2023-10-01            comment 2023-10-02
 *   w2  B    2024-05-01
 */
const NOW = new Date("2026-06-15T12:00:00Z");
const ids: Record<string, string> = {};

beforeAll(async () => {
  const [m1, m2, m3, m4] = [await createMunicipality(), await createMunicipality(), await createMunicipality(), await createMunicipality()];
  const [e1, e2, e4] = [await createExperiment(m1.id), await createExperiment(m2.id), await createExperiment(m4.id)];
  const author = await createUser({ role: "PROJECT_LEADER", municipalityId: m1.id });
  const reader = await createUser();
  ids.m1 = m1.id;
  ids.m2 = m2.id;
  ids.m3 = m3.id;
  ids.m4 = m4.id;
  for (const key of ["A", "B"]) {
    ids[key] = (await db.opgave.create({ data: { name: `Opgave ${key} ${unique()}`, slug: `opgave-${unique()}` } })).id;
  }
  const update = async (
    experimentId: string,
    opgaven: string[],
    publishedAt: string | null,
    extra: { status?: "WITHDRAWN" | "DRAFT"; hidden?: boolean } = {},
  ) =>
    (
      await db.update.create({
        data: {
          experimentId,
          authorId: author.id,
          title: `Update ${unique()}`,
          body: "Tekst (test)",
          phase: "UITVOERING",
          status: extra.status ?? "PUBLISHED",
          publishedAt: publishedAt ? new Date(publishedAt) : null,
          hiddenAt: extra.hidden ? new Date("2026-01-31") : null,
          opgaven: { create: opgaven.map((key) => ({ opgaveId: ids[key]! })) },
        },
      })
    ).id;
  const comment = (updateId: string, createdAt: string, extra: { deleted?: boolean; hidden?: boolean } = {}) =>
    db.comment.create({
      data: {
        updateId,
        authorId: reader.id,
        body: "Reactie (test)",
        createdAt: new Date(createdAt),
        deletedAt: extra.deleted ? new Date("2026-03-01") : null,
        hiddenAt: extra.hidden ? new Date("2026-03-01") : null,
      },
    });

  const u1 = await update(e1.id, ["A", "B"], "2026-01-10T10:00:00Z");
  await comment(u1, "2026-01-11T10:00:00Z");
  await comment(u1, "2026-02-01T10:00:00Z");
  await comment(u1, "2026-02-02T10:00:00Z", { deleted: true });
  await comment(u1, "2026-02-03T10:00:00Z", { hidden: true });
  const u2 = await update(e1.id, ["A"], "2026-02-28T23:30:00Z");
  await comment(u2, "2026-05-31T22:30:00Z");
  const u3 = await update(e1.id, ["B"], "2024-05-01T10:00:00Z");
  await comment(u3, "2026-04-10T10:00:00Z");
  await update(e1.id, ["A"], "2025-06-30T10:00:00Z");
  for (const extra of [{ hidden: true }, { status: "WITHDRAWN" as const }, { status: "DRAFT" as const }]) {
    const id = await update(e1.id, ["A"], extra.status === "DRAFT" ? null : "2026-01-15T10:00:00Z", extra);
    await comment(id, "2026-01-16T10:00:00Z");
  }
  const v1 = await update(e2.id, ["A"], "2026-03-05T10:00:00Z");
  await comment(v1, "2026-03-06T10:00:00Z");
  const w1 = await update(e4.id, ["B"], "2023-10-01T10:00:00Z");
  await comment(w1, "2023-10-02T10:00:00Z");
  await update(e4.id, ["B"], "2024-05-01T10:00:00Z");
});

const YEAR = monthsBetween("2025-07", "2026-06");

/** A series as { month: count } for the months with something in them. */
function nonZero(activity: Activity, values: number[]): Record<string, number> {
  return Object.fromEntries(activity.months.map((month, i) => [month, values[i]!]).filter(([, count]) => count !== 0));
}

const opgave = (activity: Activity, key: string) => {
  const found = activity.opgaven.find((item) => item.id === ids[key]);
  expect(found, `opgave ${key}`).toBeDefined();
  return found!;
};

describe("activity per month per opgave", () => {
  it("covers the last twelve Dutch calendar months and counts listed updates and shown comments only", async () => {
    const activity = await getActivity({ now: NOW });
    expect(activity.months).toEqual(YEAR);
    expect(nonZero(activity, activity.all.updates)).toEqual({ "2026-01": 1, "2026-03": 2 });
    expect(nonZero(activity, activity.all.comments)).toEqual({ "2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-04": 1, "2026-06": 1 });
  });

  it("counts an update and its comments for each of its opgaven, busiest opgave first", async () => {
    const activity = await getActivity({ now: NOW });
    expect(activity.opgaven.map((item) => item.id)).toEqual([ids.A, ids.B]);
    const [a, b] = [opgave(activity, "A"), opgave(activity, "B")];
    expect(nonZero(activity, a.updates)).toEqual({ "2026-01": 1, "2026-03": 2 });
    expect(nonZero(activity, a.comments)).toEqual({ "2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-06": 1 });
    expect(nonZero(activity, b.updates)).toEqual({ "2026-01": 1 });
    expect(nonZero(activity, b.comments)).toEqual({ "2026-01": 1, "2026-02": 1, "2026-04": 1 });
  });

  it("per municipality counts its own experiments' updates and the comments on them", async () => {
    const activity = await getActivity({ municipalityId: ids.m1, now: NOW });
    expect(activity.months).toEqual(YEAR);
    expect(nonZero(activity, activity.all.updates)).toEqual({ "2026-01": 1, "2026-03": 1 });
    expect(nonZero(activity, activity.all.comments)).toEqual({ "2026-01": 1, "2026-02": 1, "2026-04": 1, "2026-06": 1 });
  });

  it("shows the whole history when it is shorter than a year", async () => {
    const activity = await getActivity({ municipalityId: ids.m2, now: NOW });
    expect(activity.months).toEqual(["2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(activity.all).toEqual({ updates: [1, 0, 0, 0], comments: [1, 0, 0, 0] });
    expect(activity.opgaven.map((item) => item.id)).toEqual([ids.A]);
  });

  it("a municipality without listed updates is quiet", async () => {
    const activity = await getActivity({ municipalityId: ids.m3, now: NOW });
    expect(isQuiet(activity)).toBe(true);
    expect(activity.latestMonth).toBeNull();
    expect(activity.opgaven).toEqual([]);
  });

  it("a municipality quiet for a year shows the year up to its newest update instead, and says so", async () => {
    const activity = await getActivity({ municipalityId: ids.m4, now: NOW });
    expect(activity.current).toBe(false);
    expect(activity.months).toEqual(monthsBetween("2023-10", "2024-05"));
    expect(nonZero(activity, activity.all.updates)).toEqual({ "2023-10": 1, "2024-05": 1 });
    expect(nonZero(activity, opgave(activity, "B").comments)).toEqual({ "2023-10": 1 });
    expect((await getActivity({ municipalityId: ids.m1, now: NOW })).current).toBe(true);
  });
});

describe("monthsBetween", () => {
  it("runs over year ends and includes both ends", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-02", "2026-02")).toEqual(["2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
  });
});
