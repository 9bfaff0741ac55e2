import "server-only";
import { fail, invalid, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/permissions";
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
import { experimentFormSelect } from "./queries";

// Coordinators and admins keep the programme's municipalities, wijken and
// experiments. Like lib/accounts/service.ts: one options object
// ({ actor, input }), an ActionResult back, an audit row for every write.

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
 * Checks for clashes first, so the form can say which field clashes; if
 * another write takes the slug or code between check and write, the database's
 * unique index refuses it and the check runs again to name the field.
 */
async function writeUnlessConflicting<T>(findProblems: () => Promise<FieldErrors>, write: () => Promise<T>): Promise<ActionResult<T>> {
  const problems = await findProblems();
  if (!nothingWrong(problems)) return fail("form.invalid", problems);
  try {
    return ok(await write());
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const after = await findProblems();
    return fail("form.invalid", nothingWrong(after) ? { slug: ["programme.slugTaken"] } : after);
  }
}

const excluding = (id: string | undefined) => (id ? { NOT: { id } } : {});

async function municipalityConflicts({ slug, cbsCode }: { slug: string; cbsCode: string }, exceptId?: string): Promise<FieldErrors> {
  const clashes = await db.municipality.findMany({
    where: { OR: [{ slug }, { cbsCode }], ...excluding(exceptId) },
    select: { slug: true, cbsCode: true },
  });
  const errors: FieldErrors = {};
  if (clashes.some((row) => row.slug === slug)) addError(errors, "slug", "programme.slugTaken");
  if (clashes.some((row) => row.cbsCode === cbsCode)) addError(errors, "cbsCode", "programme.cbsCodeTaken");
  return errors;
}

export async function createMunicipality({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<Saved>> {
  if (!can(actor, "programme:manage")) return fail("permission.denied");
  const parsed = municipalitySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  return writeUnlessConflicting(
    () => municipalityConflicts(data),
    () =>
      db.$transaction(async (tx) => {
        const created = await tx.municipality.create({ data, select: { id: true, slug: true } });
        await tx.auditLog.create({
          data: { actorId: actor.id, action: "municipality.create", targetType: "Municipality", targetId: created.id, data },
        });
        return created;
      }),
  );
}

export async function updateMunicipality({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<Saved>> {
  if (!can(actor, "programme:manage")) return fail("permission.denied");
  const parsed = municipalityUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { municipalityId, ...data } = parsed.data;
  const before = await db.municipality.findUnique({ where: { id: municipalityId }, select: { name: true, slug: true, cbsCode: true } });
  if (!before) return fail("programme.municipalityNotFound");
  return writeUnlessConflicting(
    () => municipalityConflicts(data, municipalityId),
    () =>
      db.$transaction(async (tx) => {
        const updated = await tx.municipality.update({ where: { id: municipalityId }, data, select: { id: true, slug: true } });
        await tx.auditLog.create({
          data: { actorId: actor.id, action: "municipality.update", targetType: "Municipality", targetId: municipalityId, data: { before, after: data } },
        });
        return updated;
      }),
  );
}

/**
 * A CBS wijkcode starts with the four digits of its gemeentecode (GM0855 →
 * WK0855xx). Only checked where the municipality's own code has that form.
 */
function wijkCodeFitsMunicipality(wijkCode: string, municipalityCode: string): boolean {
  return !/^GM\d{4}$/.test(municipalityCode) || wijkCode.slice(2, 6) === municipalityCode.slice(2);
}

async function wijkProblems(
  { slug, cbsCode }: { slug: string; cbsCode: string },
  municipality: { id: string; cbsCode: string },
  exceptId?: string,
): Promise<FieldErrors> {
  const clashes = await db.neighbourhood.findMany({
    where: { OR: [{ cbsCode }, { municipalityId: municipality.id, slug }], ...excluding(exceptId) },
    select: { slug: true, cbsCode: true, municipalityId: true },
  });
  const errors: FieldErrors = {};
  if (clashes.some((row) => row.municipalityId === municipality.id && row.slug === slug)) addError(errors, "slug", "programme.wijkSlugTaken");
  if (clashes.some((row) => row.cbsCode === cbsCode)) addError(errors, "cbsCode", "programme.cbsCodeTaken");
  else if (!wijkCodeFitsMunicipality(cbsCode, municipality.cbsCode)) addError(errors, "cbsCode", "programme.wijkCbsCodeMismatch");
  return errors;
}

export async function createWijk({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<Saved>> {
  if (!can(actor, "programme:manage")) return fail("permission.denied");
  const parsed = wijkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  const municipality = await db.municipality.findUnique({ where: { id: data.municipalityId }, select: { id: true, cbsCode: true } });
  if (!municipality) return fail("form.invalid", { municipalityId: ["municipality.unknown"] });
  return writeUnlessConflicting(
    () => wijkProblems(data, municipality),
    () =>
      db.$transaction(async (tx) => {
        const created = await tx.neighbourhood.create({ data, select: { id: true, slug: true } });
        await tx.auditLog.create({
          data: { actorId: actor.id, action: "wijk.create", targetType: "Neighbourhood", targetId: created.id, data },
        });
        return created;
      }),
  );
}

export async function updateWijk({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<Saved>> {
  if (!can(actor, "programme:manage")) return fail("permission.denied");
  const parsed = wijkUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { wijkId, ...data } = parsed.data;
  const before = await db.neighbourhood.findUnique({
    where: { id: wijkId },
    select: { name: true, slug: true, cbsCode: true, municipality: { select: { id: true, cbsCode: true } } },
  });
  if (!before) return fail("programme.wijkNotFound");
  const { municipality, ...previous } = before;
  return writeUnlessConflicting(
    () => wijkProblems(data, municipality, wijkId),
    () =>
      db.$transaction(async (tx) => {
        const updated = await tx.neighbourhood.update({ where: { id: wijkId }, data, select: { id: true, slug: true } });
        await tx.auditLog.create({
          data: { actorId: actor.id, action: "wijk.update", targetType: "Neighbourhood", targetId: wijkId, data: { before: previous, after: data } },
        });
        return updated;
      }),
  );
}

/**
 * Everything about an experiment that only the database can tell: a free
 * slug, a known municipality, and wijken and project leaders of that same
 * municipality. All problems at once, so the form shows them together.
 */
async function experimentProblems(input: ExperimentInput, exceptId?: string): Promise<FieldErrors> {
  const [slugTaken, municipality, wijken, leaders] = await Promise.all([
    db.experiment.findFirst({ where: { slug: input.slug, ...excluding(exceptId) }, select: { id: true } }),
    db.municipality.findUnique({ where: { id: input.municipalityId }, select: { id: true } }),
    input.wijkIds.length
      ? db.neighbourhood.findMany({ where: { id: { in: input.wijkIds } }, select: { id: true, municipalityId: true } })
      : Promise.resolve([]),
    input.leaderIds.length
      ? db.user.findMany({ where: { id: { in: input.leaderIds } }, select: { id: true, role: true, municipalityId: true } })
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
  if (projectLeaders.some((user) => user.municipalityId !== municipality.id)) addError(errors, "leaderIds", "programme.leaderOtherMunicipality");
  return errors;
}

function experimentAuditData(input: ExperimentInput) {
  return { ...input, startDate: toDateInputValue(input.startDate) };
}

export async function createExperiment({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<Saved>> {
  if (!can(actor, "programme:manage")) return fail("permission.denied");
  const parsed = experimentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { wijkIds, leaderIds, ...fields } = parsed.data;
  return writeUnlessConflicting(
    () => experimentProblems(parsed.data),
    () =>
      db.$transaction(async (tx) => {
        const created = await tx.experiment.create({
          data: {
            ...fields,
            wijken: { connect: wijkIds.map((id) => ({ id })) },
            leaders: { connect: leaderIds.map((id) => ({ id })) },
          },
          select: { id: true, slug: true },
        });
        await tx.auditLog.create({
          data: { actorId: actor.id, action: "experiment.create", targetType: "Experiment", targetId: created.id, data: experimentAuditData(parsed.data) },
        });
        return created;
      }),
  );
}

export async function updateExperiment({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<Saved>> {
  if (!can(actor, "programme:manage")) return fail("permission.denied");
  const parsed = experimentUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { experimentId, ...experiment } = parsed.data;
  const { wijkIds, leaderIds, ...fields } = experiment;
  const before = await db.experiment.findUnique({ where: { id: experimentId }, select: experimentFormSelect });
  if (!before) return fail("programme.experimentNotFound");
  const { wijken, leaders, startDate, ...unchangedShape } = before;
  const previous = {
    ...unchangedShape,
    startDate: toDateInputValue(startDate),
    wijkIds: wijken.map((wijk) => wijk.id),
    leaderIds: leaders.map((leader) => leader.id),
  };
  return writeUnlessConflicting(
    () => experimentProblems(experiment, experimentId),
    () =>
      db.$transaction(async (tx) => {
        const updated = await tx.experiment.update({
          where: { id: experimentId },
          data: {
            ...fields,
            wijken: { set: wijkIds.map((id) => ({ id })) },
            leaders: { set: leaderIds.map((id) => ({ id })) },
          },
          select: { id: true, slug: true },
        });
        await tx.auditLog.create({
          data: {
            actorId: actor.id,
            action: "experiment.update",
            targetType: "Experiment",
            targetId: experimentId,
            data: { before: previous, after: experimentAuditData(experiment) },
          },
        });
        return updated;
      }),
  );
}
