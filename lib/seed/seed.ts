/**
 * Seeds the clearly marked demo programme. Refuses a database that already
 * holds data unless `force` is given, which empties the tables first.
 */
import { hashPassword } from "../accounts/password";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_PASSWORD, demoExperiments, demoMunicipalities, demoOpgaven, demoThemes, demoUsers } from "./demo-data";
import { withEnglish } from "./demo-english";
import { seedDemoInspiration } from "./demo-inspiration";
import { seedDemoLessons } from "./demo-lessons";
import { demoUpdates } from "./demo-updates";

export type SeedResult = { seeded: boolean; reason?: string };

/** Whether the database holds anything a person made or the seed wrote. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  const [users, municipalities, opgaven] = await Promise.all([db.user.count(), db.municipality.count(), db.opgave.count()]);
  return users + municipalities + opgaven === 0;
}

async function emptyAllTables(db: PrismaClient) {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"${tablename.replaceAll('"', '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

export async function seedDemo(db: PrismaClient, { force = false } = {}): Promise<SeedResult> {
  if (!(await isDatabaseEmpty(db))) {
    if (!force) return { seeded: false, reason: "De database bevat al gegevens." };
    await emptyAllTables(db);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(
    async (tx) => {
      const municipalityIds = new Map<string, string>();
      const wijkIds = new Map<string, string>();
      for (const municipality of demoMunicipalities) {
        const created = await tx.municipality.create({
          data: {
            name: municipality.name,
            slug: municipality.slug,
            cbsCode: municipality.cbsCode,
            wijken: { create: municipality.wijken },
          },
          select: { id: true, wijken: { select: { id: true, slug: true } } },
        });
        municipalityIds.set(municipality.slug, created.id);
        for (const wijk of created.wijken) wijkIds.set(`${municipality.slug}/${wijk.slug}`, wijk.id);
      }

      await tx.opgave.createMany({ data: demoOpgaven.map(withEnglish) });
      await tx.theme.createMany({ data: demoThemes.map(withEnglish) });

      const userIds = new Map<string, string>();
      for (const user of demoUsers) {
        const created = await tx.user.create({
          data: {
            email: user.email,
            name: user.name,
            role: user.role,
            passwordHash,
            municipalityId: user.municipalitySlug ? municipalityIds.get(user.municipalitySlug) : null,
          },
          select: { id: true },
        });
        userIds.set(user.email, created.id);
      }

      for (const experiment of demoExperiments) {
        await tx.experiment.create({
          data: {
            title: experiment.title,
            slug: experiment.slug,
            summary: experiment.summary,
            phase: experiment.phase,
            startDate: new Date(`${experiment.startDate}T00:00:00Z`),
            municipality: { connect: { id: municipalityIds.get(experiment.municipalitySlug)! } },
            wijken: { connect: experiment.wijkSlugs.map((slug) => ({ id: wijkIds.get(`${experiment.municipalitySlug}/${slug}`)! })) },
            leaders: { connect: experiment.leaderEmails.map((email) => ({ id: userIds.get(email)! })) },
          },
        });
      }

      const experimentIds = new Map(
        (await tx.experiment.findMany({ select: { id: true, slug: true } })).map((experiment) => [experiment.slug, experiment.id]),
      );
      for (const update of demoUpdates) {
        const created = await tx.update.create({
          data: {
            title: update.title,
            body: update.body,
            phase: update.phase,
            milestone: update.milestone ?? null,
            status: "PUBLISHED",
            publishedAt: new Date(update.publishedAt),
            experimentId: experimentIds.get(update.experimentSlug)!,
            authorId: userIds.get(update.authorEmail)!,
            opgaven: { create: update.opgaven.map((slug) => ({ opgave: { connect: { slug } } })) },
            themes: { create: update.themes.map((slug) => ({ theme: { connect: { slug } } })) },
          },
          select: {
            id: true,
            opgaven: { select: { opgave: { select: { name: true } } } },
            themes: { select: { theme: { select: { name: true } } } },
          },
        });
        await tx.updateRevision.create({
          data: {
            updateId: created.id,
            editorId: userIds.get(update.authorEmail)!,
            title: update.title,
            body: update.body,
            phase: update.phase,
            milestone: update.milestone ?? null,
            opgaven: created.opgaven.map((row) => row.opgave.name).sort(),
            themes: created.themes.map((row) => row.theme.name).sort(),
            createdAt: new Date(update.publishedAt),
          },
        });
      }

      await seedDemoLessons(tx);
      await seedDemoInspiration(tx);
      await tx.setting.upsert({ where: { key: "demo" }, create: { key: "demo", value: true }, update: { value: true } });
    },
    { timeout: 60_000 },
  );
  return { seeded: true };
}
