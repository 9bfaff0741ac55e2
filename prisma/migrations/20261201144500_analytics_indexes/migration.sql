-- Hand-written (Prisma 6 cannot express partial or covering indexes); listed in
-- tests/migrations.test.ts as hand-written. They serve the analytics SQL
-- (lib/analytics/*): the matrix and the reports read listed updates by id with
-- their experiment and date, and the activity charts read shown comments by
-- date, each from the index alone instead of a sequential scan.
CREATE INDEX "Update_listed_id_idx" ON "Update" ("id") INCLUDE ("experimentId", "publishedAt") WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL;

CREATE INDEX "Comment_shown_createdAt_idx" ON "Comment" ("createdAt") INCLUDE ("updateId") WHERE "deletedAt" IS NULL AND "hiddenAt" IS NULL;
