import { randomBytes } from "node:crypto";
import { addPerson, blockPerson, freeCodes, hashToken, newId, newToken, sql, type Person } from "./authorization-database";
import { seedInspirationRows, type InspirationRows } from "./authorization-inspiration";
import { seedLessonRows, type LessonRows } from "./authorization-lessons";

export { addPerson, blockPerson, closeWorld, sql, type Person } from "./authorization-database";

/**
 * The authorization test's own world, written straight into the launcher's
 * database (no demo data): one person per role, a blocked admin, a bystander
 * who never signs in, a programme to edit, and for every caller its own rows
 * to act on, so that one caller's call never changes what the next one meets.
 */

export const CALLERS = ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN", "BLOCKED", "ANONYMOUS"] as const;
/** A role, a blocked person (an admin whose session cookie still exists), or nobody signed in. */
export type CallerKey = (typeof CALLERS)[number];
export type PersonKey = Exclude<CallerKey, "ANONYMOUS">;

/** The rows one caller acts on; for ANONYMOUS they belong to the bystander. */
export type CallerRows = {
  owner: Person;
  ownComments: { edit: string; remove: string };
  ownUpdate: string;
  /** The owner's own listed update to ask feedback on (ownUpdate is withdrawn by an earlier case). */
  feedbackUpdate: string;
  editUpdate: string;
  reportComment: string;
  hideComment: string;
  hideUpdate: string;
  unhideComment: string;
  removeComment: string;
  lockUpdate: string;
  unlockUpdate: string;
  withdrawUpdate: string;
  restoreUpdate: string;
  items: { dismiss: string; claim: string; release: string };
  notifications: { read: string; open: string; all: string; route: string };
  invitationId: string;
  invitationToken: string;
  resetToken: string;
  anonymise: Person;
  mergeSource: string;
  followedUpdate: string;
};

export type AuthorizationWorld = {
  tag: string;
  password: string;
  people: Record<PersonKey, Person>;
  bystander: Person;
  author: Person;
  municipality: { id: string; slug: string };
  experiment: { id: string; slug: string };
  opgave: { id: string; slug: string };
  theme: { id: string; slug: string };
  update: string;
  comment: string;
  programme: { municipalityId: string; municipalityCode: string; wijkId: string; wijkCode: string; experimentId: string };
  codes: { municipalities: Record<CallerKey, string>; wijken: Record<CallerKey, string> };
  taxonomy: { edit: string; move: string; archive: string; unarchive: string };
  targets: { block: Person; blockAdmin: Person; unblock: Person; role: Person };
  feedToken: string;
  each: Record<CallerKey, CallerRows>;
  lessons: Record<CallerKey, LessonRows>;
  inspiration: Record<CallerKey, InspirationRows>;
  /** Filled in by the spec once the server has made them: a blocked sign-in's notice token, an uploaded image. */
  late: { blockNoticeToken: string; uploadId: string };
};

type UpdateState = { status?: "PUBLISHED" | "WITHDRAWN"; locked?: boolean };

export async function seedAuthorizationWorld(): Promise<AuthorizationWorld> {
  const tag = randomBytes(4).toString("hex");
  const world = { tag, password: `Autorisatie-${tag}-2026` };
  const [mainCode, editCode, ...municipalityCodes] = await freeCodes("Municipality", "GM", 4, 2 + CALLERS.length);
  // A wijk's code starts with its municipality's four digits.
  const [wijkCode, ...wijkCodes] = await freeCodes("Neighbourhood", `WK${editCode!.slice(2)}`, 2, 1 + CALLERS.length);
  const municipality = { id: newId(), slug: `autorisatiedorp-${tag}` };
  const experiment = { id: newId(), slug: `autorisatie-experiment-${tag}` };
  const programme = { municipalityId: newId(), municipalityCode: editCode!, wijkId: newId(), wijkCode: wijkCode!, experimentId: newId() };

  await sql(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now()), ($5, $6, $7, $8, now())`, [
    municipality.id,
    `Autorisatiedorp ${tag}`,
    municipality.slug,
    mainCode,
    programme.municipalityId,
    `Bewerkstad ${tag}`,
    `bewerkstad-${tag}`,
    editCode,
  ]);
  await sql(`INSERT INTO "Neighbourhood" (id, name, slug, "cbsCode", "municipalityId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
    programme.wijkId,
    `Bewerkwijk ${tag}`,
    `bewerkwijk-${tag}`,
    wijkCode,
    programme.municipalityId,
  ]);
  const experimentSql = `INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", phase, "startDate", "updatedAt") VALUES ($1, $2, $3, 'Voor de autorisatietest.', $4, 'UITVOERING', '2026-01-05', now())`;
  await sql(experimentSql, [experiment.id, `Autorisatie-experiment ${tag}`, experiment.slug, municipality.id]);
  await sql(experimentSql, [programme.experimentId, `Bewerkexperiment ${tag}`, `bewerkexperiment-${tag}`, programme.municipalityId]);

  const taxonomyId = async (table: "Opgave" | "Theme", label: string, archived = false) => {
    const id = newId();
    await sql(`INSERT INTO "${table}" (id, name, slug, "sortOrder", "archivedAt", "updatedAt") VALUES ($1, $2, $3, 900, $4, now())`, [
      id,
      `Authz ${label} ${tag}`,
      `authz-${label}-${tag}`,
      archived ? new Date() : null,
    ]);
    return id;
  };
  const opgave = { id: await taxonomyId("Opgave", "opgave"), slug: `authz-opgave-${tag}` };
  const theme = { id: await taxonomyId("Theme", "thema"), slug: `authz-thema-${tag}` };
  const taxonomy = {
    edit: await taxonomyId("Opgave", "bewerken"),
    move: await taxonomyId("Opgave", "verplaatsen"),
    archive: await taxonomyId("Opgave", "archiveren"),
    unarchive: await taxonomyId("Opgave", "terughalen", true),
  };

  const people: Record<PersonKey, Person> = {
    MEMBER: await addPerson(world, "MEMBER", "member"),
    PROJECT_LEADER: await addPerson(world, "PROJECT_LEADER", "leader", municipality.id),
    COORDINATOR: await addPerson(world, "COORDINATOR", "coordinator"),
    ADMIN: await addPerson(world, "ADMIN", "admin"),
    // Blocked by the spec once signed in (blockPerson), so that a live session cookie meets the block.
    BLOCKED: await addPerson(world, "ADMIN", "blocked"),
  };
  const bystander = await addPerson(world, "MEMBER", "bystander");
  const author = await addPerson(world, "PROJECT_LEADER", "author", municipality.id);
  await sql(`INSERT INTO "_ExperimentLeaders" ("A", "B") VALUES ($1, $2), ($1, $3)`, [experiment.id, people.PROJECT_LEADER.id, author.id]);
  const targets = {
    block: await addPerson(world, "MEMBER", "to-block"),
    blockAdmin: await addPerson(world, "ADMIN", "admin-to-block"),
    unblock: await addPerson(world, "MEMBER", "to-unblock"),
    role: await addPerson(world, "MEMBER", "to-rerole"),
  };
  await blockPerson(targets.unblock);

  const addUpdate = async (authorId: string, { status = "PUBLISHED", locked = false }: UpdateState = {}) => {
    const id = newId();
    await sql(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "withdrawnAt", "commentsLockedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Een update voor de autorisatietest.', 'UITVOERING', $5, now(), $6, $7, now())`,
      [
        id,
        experiment.id,
        authorId,
        `Autorisatie-update ${tag} ${id.slice(-6)}`,
        status,
        status === "WITHDRAWN" ? new Date() : null,
        locked ? new Date() : null,
      ],
    );
    return id;
  };
  const addComment = async (updateId: string, authorId: string, hidden = false) => {
    const id = newId();
    await sql(`INSERT INTO "Comment" (id, "updateId", "authorId", body, "hiddenAt") VALUES ($1, $2, $3, $4, $5)`, [
      id,
      updateId,
      authorId,
      `Reactie ${id.slice(-6)} voor de autorisatietest.`,
      hidden ? new Date() : null,
    ]);
    await sql(`UPDATE "Update" SET "commentCount" = "commentCount" + 1 WHERE id = $1`, [updateId]);
    return id;
  };
  /** A reported comment: its moderation item with one open report (by the author). */
  const addReportedItem = async (updateId: string) => {
    const commentId = await addComment(updateId, bystander.id);
    const itemId = newId();
    await sql(
      `INSERT INTO "ModerationItem" (id, "targetType", "commentId", "contextUpdateId", "authorId", "openReports", "lastReportedAt", "updatedAt") VALUES ($1, 'COMMENT', $2, $3, $4, 1, now(), now())`,
      [itemId, commentId, updateId, bystander.id],
    );
    await sql(`INSERT INTO "Report" (id, "itemId", "reporterId", reason) VALUES ($1, $2, $3, 'SPAM')`, [newId(), itemId, author.id]);
    return itemId;
  };

  const update = await addUpdate(author.id);
  const comment = await addComment(update, bystander.id);
  const authorUpdate = await addUpdate(author.id);
  const leaderUpdate = await addUpdate(people.PROJECT_LEADER.id);
  const feedToken = newToken();
  await sql(`UPDATE "User" SET "feedTokenHash" = $1 WHERE id = $2`, [hashToken(feedToken), author.id]);

  const each = {} as Record<CallerKey, CallerRows>;
  for (const [index, key] of CALLERS.entries()) {
    const owner = key === "ANONYMOUS" ? bystander : people[key];
    const notification = async () => {
      const id = newId();
      await sql(
        `INSERT INTO "Notification" (id, "userId", kind, "actorId", "updateId", "commentId") VALUES ($1, $2, 'COMMENT_ON_UPDATE', $3, $4, $5)`,
        [id, owner.id, bystander.id, update, comment],
      );
      return id;
    };
    const invitationToken = newToken();
    const resetToken = newToken();
    const invitation = async (token: string) => {
      const id = newId();
      await sql(
        `INSERT INTO "Invitation" (id, email, role, "tokenHash", "invitedById", "expiresAt") VALUES ($1, $2, 'MEMBER', $3, $4, now() + interval '1 day')`,
        [id, `e2e-authz-invited-${tag}-${index}-${id.slice(-4)}@example.nl`, hashToken(token), people.ADMIN.id],
      );
      return id;
    };
    const resetPerson = await addPerson(world, "MEMBER", `reset-${index}`);
    await sql(`INSERT INTO "PasswordResetToken" (id, "userId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 hour')`, [
      newId(),
      resetPerson.id,
      hashToken(resetToken),
    ]);
    const followedUpdate = await addUpdate(author.id);
    await sql(`INSERT INTO "Follow" (id, "userId", "targetType", "targetId") VALUES ($1, $2, 'UPDATE', $3)`, [
      newId(),
      owner.id,
      followedUpdate,
    ]);
    await invitation(invitationToken);
    each[key] = {
      owner,
      ownComments: { edit: await addComment(update, owner.id), remove: await addComment(update, owner.id) },
      ownUpdate: await addUpdate(owner.id),
      feedbackUpdate: await addUpdate(owner.id),
      editUpdate: key === "PROJECT_LEADER" ? leaderUpdate : authorUpdate,
      reportComment: await addComment(update, bystander.id),
      hideComment: await addComment(update, bystander.id),
      hideUpdate: await addUpdate(author.id),
      unhideComment: await addComment(update, bystander.id, true),
      removeComment: await addComment(update, bystander.id),
      lockUpdate: await addUpdate(author.id),
      unlockUpdate: await addUpdate(author.id, { locked: true }),
      withdrawUpdate: await addUpdate(author.id),
      restoreUpdate: await addUpdate(author.id, { status: "WITHDRAWN" }),
      items: { dismiss: await addReportedItem(update), claim: await addReportedItem(update), release: await addReportedItem(update) },
      notifications: { read: await notification(), open: await notification(), all: await notification(), route: await notification() },
      invitationId: await invitation(newToken()),
      invitationToken,
      resetToken,
      anonymise: await addPerson(world, "MEMBER", `anonymise-${index}`),
      mergeSource: await taxonomyId("Opgave", `samenvoegen-${index}`),
      followedUpdate,
    };
  }
  return {
    ...world,
    people,
    bystander,
    author,
    municipality,
    experiment,
    opgave,
    theme,
    update,
    comment,
    programme,
    codes: {
      municipalities: Object.fromEntries(CALLERS.map((key, index) => [key, municipalityCodes[index]!])) as Record<CallerKey, string>,
      wijken: Object.fromEntries(CALLERS.map((key, index) => [key, wijkCodes[index]!])) as Record<CallerKey, string>,
    },
    taxonomy,
    targets,
    feedToken,
    each,
    lessons: await seedLessonRows({ tag, callers: CALLERS, authorId: people.COORDINATOR.id, commentId: comment }),
    inspiration: await seedInspirationRows({
      tag,
      callers: CALLERS,
      ownerOf: (key) => (key === "ANONYMOUS" ? bystander.id : people[key].id),
      authorId: author.id,
      experimentId: experiment.id,
      themeId: theme.id,
      requesterId: people.COORDINATOR.id,
    }),
    late: { blockNoticeToken: "", uploadId: "" },
  };
}
