import "server-only";
import { fail, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mutation, type Tx } from "@/lib/mutation";
import { experimentFormSelect } from "./queries";
import {
  experimentSchema,
  experimentUpdateSchema,
  municipalitySchema,
  municipalityUpdateSchema,
  toDateInputValue,
  wijkSchema,
  wijkUpdateSchema,
  type ExperimentInput,
} from "./schema";

// Coordinators and admins keep the programme's municipalities, wijken and
// experiments: each write goes through the pipeline (lib/mutation.ts) with
// its audit event in the same transaction.

type FieldErrors = Partial<Record<string, string[]>>;
type Saved = { id: string; slug: string };

function addError(errors: FieldErrors, field: string, key: string) {
  errors[field] = [...(errors[field] ?? []), key];
}

const nothingWrong = (errors: FieldErrors) => Object.keys(errors).length === 0;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Checks for clashes inside the write's transaction, so the form can say which
 * field clashes; if another write takes the slug or code between check and
 * write, the database's unique index refuses it and the check runs again
 * (`recover`) to name the field.
 */
async function unlessConflicting<T>(problems: FieldErrors, write: () => Promise<T>): Promise<ActionResult<T>> {
  if (!nothingWrong(problems)) return fail("form.invalid", problems);
  return { ok: true, data: await write() };
}

function recoverConflict(findProblems: () => Promise<FieldErrors>) {
  return async (error: unknown): Promise<ActionResult<Saved> | null> => {
    if (!isUniqueViolation(error)) return null;
    const after = await findProblems();
    return fail("form.invalid", nothingWrong(after) ? { slug: ["programme.slugTaken"] } : after);
  };
}

const excluding = (id: string | undefined) => (id ? { NOT: { id } } : {});

async function municipalityConflicts(
  client: Tx,
  { slug, cbsCode }: { slug: string; cbsCode: string },
  exceptId?: string,
): Promise<FieldErrors> {
  const clashes = await client.municipality.findMany({
    where: { OR: [{ slug }, { cbsCode }], ...excluding(exceptId) },
    select: { slug: true, cbsCode: true },
  });
  const errors: FieldErrors = {};
  if (clashes.some((row) => row.slug === slug)) addError(errors, "slug", "programme.slugTaken");
  if (clashes.some((row) => row.cbsCode === cbsCode)) addError(errors, "cbsCode", "programme.cbsCodeTaken");
  return errors;
}

export const createMunicipality = mutation("programme:manage", {
  schema: municipalitySchema,
  run: async ({ tx, data }) =>
    unlessConflicting(await municipalityConflicts(tx, data), () => tx.municipality.create({ data, select: { id: true, slug: true } })),
  audit: ({ data, result }) => ({ type: "municipality.create", targetId: result.id, data }),
  recover: (error, { data }) => recoverConflict(() => municipalityConflicts(db, data))(error),
});

export const updateMunicipality = mutation("programme:manage", {
  schema: municipalityUpdateSchema,
  run: async ({ tx, data: { municipalityId, ...data }, record }) => {
    const before = await tx.municipality.findUnique({ where: { id: municipalityId }, select: { name: true, slug: true, cbsCode: true } });
    if (!before) return fail("programme.municipalityNotFound");
    record({ type: "municipality.update", targetId: municipalityId, data: { before, after: data } });
    return unlessConflicting(await municipalityConflicts(tx, data, municipalityId), () =>
      tx.municipality.update({ where: { id: municipalityId }, data, select: { id: true, slug: true } }),
    );
  },
  recover: (error, { data: { municipalityId, ...data } }) => recoverConflict(() => municipalityConflicts(db, data, municipalityId))(error),
});

/**
 * A CBS wijkcode starts with the four digits of its gemeentecode (GM0855 →
 * WK0855xx). Only checked where the municipality's own code has that form.
 */
function wijkCodeFitsMunicipality(wijkCode: string, municipalityCode: string): boolean {
  return !/^GM\d{4}$/.test(municipalityCode) || wijkCode.slice(2, 6) === municipalityCode.slice(2);
}

async function wijkProblems(
  client: Tx,
  { slug, cbsCode }: { slug: string; cbsCode: string },
  municipality: { id: string; cbsCode: string },
  exceptId?: string,
): Promise<FieldErrors> {
  const clashes = await client.neighbourhood.findMany({
    where: { OR: [{ cbsCode }, { municipalityId: municipality.id, slug }], ...excluding(exceptId) },
    select: { slug: true, cbsCode: true, municipalityId: true },
  });
  const errors: FieldErrors = {};
  if (clashes.some((row) => row.municipalityId === municipality.id && row.slug === slug))
    addError(errors, "slug", "programme.wijkSlugTaken");
  if (clashes.some((row) => row.cbsCode === cbsCode)) addError(errors, "cbsCode", "programme.cbsCodeTaken");
  else if (!wijkCodeFitsMunicipality(cbsCode, municipality.cbsCode)) addError(errors, "cbsCode", "programme.wijkCbsCodeMismatch");
  return errors;
}

const municipalityCode = { select: { id: true, cbsCode: true } } as const;

export const createWijk = mutation("programme:manage", {
  schema: wijkSchema,
  run: async ({ tx, data }) => {
    const municipality = await tx.municipality.findUnique({ where: { id: data.municipalityId }, ...municipalityCode });
    if (!municipality) return fail("form.invalid", { municipalityId: ["municipality.unknown"] });
    return unlessConflicting(await wijkProblems(tx, data, municipality), () =>
      tx.neighbourhood.create({ data, select: { id: true, slug: true } }),
    );
  },
  audit: ({ data, result }) => ({ type: "wijk.create", targetId: result.id, data }),
  recover: async (error, { data }) => {
    const municipality = await db.municipality.findUnique({ where: { id: data.municipalityId }, ...municipalityCode });
    return municipality ? recoverConflict(() => wijkProblems(db, data, municipality))(error) : null;
  },
});

const wijkBeforeSelect = { name: true, slug: true, cbsCode: true, municipality: municipalityCode } as const;

export const updateWijk = mutation("programme:manage", {
  schema: wijkUpdateSchema,
  run: async ({ tx, data: { wijkId, ...data }, record }) => {
    const before = await tx.neighbourhood.findUnique({ where: { id: wijkId }, select: wijkBeforeSelect });
    if (!before) return fail("programme.wijkNotFound");
    const { municipality, ...previous } = before;
    record({ type: "wijk.update", targetId: wijkId, data: { before: previous, after: data } });
    return unlessConflicting(await wijkProblems(tx, data, municipality, wijkId), () =>
      tx.neighbourhood.update({ where: { id: wijkId }, data, select: { id: true, slug: true } }),
    );
  },
  recover: async (error, { data: { wijkId, ...data } }) => {
    const before = await db.neighbourhood.findUnique({ where: { id: wijkId }, select: wijkBeforeSelect });
    return before ? recoverConflict(() => wijkProblems(db, data, before.municipality, wijkId))(error) : null;
  },
});

/**
 * Everything about an experiment that only the database can tell: a free
 * slug, a known municipality, and wijken and project leaders of that same
 * municipality. All problems at once, so the form shows them together.
 */
async function experimentProblems(client: Tx, input: ExperimentInput, exceptId?: string): Promise<FieldErrors> {
  const [slugTaken, municipality, wijken, leaders] = await Promise.all([
    client.experiment.findFirst({ where: { slug: input.slug, ...excluding(exceptId) }, select: { id: true } }),
    client.municipality.findUnique({ where: { id: input.municipalityId }, select: { id: true } }),
    input.wijkIds.length
      ? client.neighbourhood.findMany({ where: { id: { in: input.wijkIds } }, select: { id: true, municipalityId: true } })
      : Promise.resolve([]),
    input.leaderIds.length
      ? client.user.findMany({ where: { id: { in: input.leaderIds } }, select: { id: true, role: true, municipalityId: true } })
      : Promise.resolve([]),
  ]);
  const errors: FieldErrors = {};
  if (slugTaken) addError(errors, "slug", "programme.slugTaken");
  if (!municipality) {
    addError(errors, "municipalityId", "municipality.unknown");
    return errors;
  }
  if (wijken.length < input.wijkIds.length) addError(errors, "wijkIds", "programme.wijkUnknown");
  if (wijken.some((wijk) => wijk.municipalityId !== municipality.id)) addError(errors, "wijkIds", "programme.wijkOtherMunicipality");
  const projectLeaders = leaders.filter((user) => user.role === "PROJECT_LEADER");
  if (projectLeaders.length < input.leaderIds.length) addError(errors, "leaderIds", "programme.leaderNotProjectLeader");
  if (projectLeaders.some((user) => user.municipalityId !== municipality.id))
    addError(errors, "leaderIds", "programme.leaderOtherMunicipality");
  return errors;
}

function experimentAuditData(input: ExperimentInput) {
  return { ...input, startDate: toDateInputValue(input.startDate) };
}

export const createExperiment = mutation("programme:manage", {
  schema: experimentSchema,
  run: async ({ tx, data }) => {
    const { wijkIds, leaderIds, ...fields } = data;
    return unlessConflicting(await experimentProblems(tx, data), () =>
      tx.experiment.create({
        data: { ...fields, wijken: { connect: wijkIds.map((id) => ({ id })) }, leaders: { connect: leaderIds.map((id) => ({ id })) } },
        select: { id: true, slug: true },
      }),
    );
  },
  audit: ({ data, result }) => ({ type: "experiment.create", targetId: result.id, data: experimentAuditData(data) }),
  recover: (error, { data }) => recoverConflict(() => experimentProblems(db, data))(error),
});

export const updateExperiment = mutation("programme:manage", {
  schema: experimentUpdateSchema,
  run: async ({ tx, data: { experimentId, ...experiment }, record }) => {
    const { wijkIds, leaderIds, ...fields } = experiment;
    const before = await tx.experiment.findUnique({ where: { id: experimentId }, select: experimentFormSelect });
    if (!before) return fail("programme.experimentNotFound");
    const { wijken, leaders, startDate, ...unchangedShape } = before;
    const previous = {
      ...unchangedShape,
      startDate: toDateInputValue(startDate),
      wijkIds: wijken.map((wijk) => wijk.id),
      leaderIds: leaders.map((leader) => leader.id),
    };
    record({ type: "experiment.update", targetId: experimentId, data: { before: previous, after: experimentAuditData(experiment) } });
    return unlessConflicting(await experimentProblems(tx, experiment, experimentId), () =>
      tx.experiment.update({
        where: { id: experimentId },
        data: { ...fields, wijken: { set: wijkIds.map((id) => ({ id })) }, leaders: { set: leaderIds.map((id) => ({ id })) } },
        select: { id: true, slug: true },
      }),
    );
  },
  recover: (error, { data: { experimentId, ...experiment } }) =>
    recoverConflict(() => experimentProblems(db, experiment, experimentId))(error),
});
