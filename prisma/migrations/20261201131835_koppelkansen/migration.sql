-- CreateEnum
CREATE TYPE "LessonStatus" AS ENUM ('HYPOTHESE', 'ONDERBOUWD', 'BEVESTIGD');

-- CreateEnum
CREATE TYPE "InspirationConsent" AS ENUM ('REQUESTED', 'ACCEPTED', 'DECLINED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'FEEDBACK_REQUEST' BEFORE 'MODERATION';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "feedbackRequestId" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "feedbackRequestId" TEXT;

-- CreateTable
CREATE TABLE "UpdateOpgave" (
    "updateId" TEXT NOT NULL,
    "opgaveId" TEXT NOT NULL,

    CONSTRAINT "UpdateOpgave_pkey" PRIMARY KEY ("updateId","opgaveId")
);

-- CreateTable
CREATE TABLE "UpdateTheme" (
    "updateId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "UpdateTheme_pkey" PRIMARY KEY ("updateId","themeId")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "LessonStatus" NOT NULL DEFAULT 'HYPOTHESE',
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonEvidence" (
    "id" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "updateId" TEXT,
    "commentId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRequest" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRequestPeer" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "FeedbackRequestPeer_pkey" PRIMARY KEY ("requestId","userId")
);

-- CreateTable
CREATE TABLE "InspirationEntry" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "themeId" TEXT,
    "introduction" TEXT NOT NULL DEFAULT '',
    "requestedById" TEXT NOT NULL,
    "consent" "InspirationConsent" NOT NULL DEFAULT 'REQUESTED',
    "respondedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspirationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UpdateOpgave_opgaveId_updateId_idx" ON "UpdateOpgave"("opgaveId", "updateId");

-- CreateIndex
CREATE INDEX "UpdateTheme_themeId_updateId_idx" ON "UpdateTheme"("themeId", "updateId");

-- CreateIndex
CREATE INDEX "Lesson_status_updatedAt_idx" ON "Lesson"("status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "LessonEvidence_lessonId_createdAt_idx" ON "LessonEvidence"("lessonId", "createdAt");

-- CreateIndex
CREATE INDEX "LessonEvidence_updateId_idx" ON "LessonEvidence"("updateId");

-- CreateIndex
CREATE INDEX "LessonEvidence_commentId_idx" ON "LessonEvidence"("commentId");

-- CreateIndex
CREATE INDEX "FeedbackRequest_updateId_createdAt_idx" ON "FeedbackRequest"("updateId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedbackRequest_requesterId_createdAt_idx" ON "FeedbackRequest"("requesterId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "FeedbackRequestPeer_userId_answeredAt_idx" ON "FeedbackRequestPeer"("userId", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "InspirationEntry_updateId_key" ON "InspirationEntry"("updateId");

-- CreateIndex
CREATE INDEX "InspirationEntry_consent_publishedAt_idx" ON "InspirationEntry"("consent", "publishedAt");

-- CreateIndex
CREATE INDEX "InspirationEntry_themeId_idx" ON "InspirationEntry"("themeId");

-- CreateIndex
CREATE INDEX "Comment_feedbackRequestId_idx" ON "Comment"("feedbackRequestId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_feedbackRequestId_fkey" FOREIGN KEY ("feedbackRequestId") REFERENCES "FeedbackRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_feedbackRequestId_fkey" FOREIGN KEY ("feedbackRequestId") REFERENCES "FeedbackRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateOpgave" ADD CONSTRAINT "UpdateOpgave_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "Update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateOpgave" ADD CONSTRAINT "UpdateOpgave_opgaveId_fkey" FOREIGN KEY ("opgaveId") REFERENCES "Opgave"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateTheme" ADD CONSTRAINT "UpdateTheme_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "Update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateTheme" ADD CONSTRAINT "UpdateTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonEvidence" ADD CONSTRAINT "LessonEvidence_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonEvidence" ADD CONSTRAINT "LessonEvidence_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "Update"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonEvidence" ADD CONSTRAINT "LessonEvidence_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "Update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequestPeer" ADD CONSTRAINT "FeedbackRequestPeer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FeedbackRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequestPeer" ADD CONSTRAINT "FeedbackRequestPeer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspirationEntry" ADD CONSTRAINT "InspirationEntry_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "Update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspirationEntry" ADD CONSTRAINT "InspirationEntry_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspirationEntry" ADD CONSTRAINT "InspirationEntry_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Copy every tag from Prisma's implicit tables (A = opgave/theme, B = update) before they go
INSERT INTO "UpdateOpgave" ("updateId", "opgaveId") SELECT "B", "A" FROM "_OpgaveToUpdate";
INSERT INTO "UpdateTheme" ("updateId", "themeId") SELECT "B", "A" FROM "_ThemeToUpdate";

-- DropForeignKey
ALTER TABLE "_OpgaveToUpdate" DROP CONSTRAINT "_OpgaveToUpdate_A_fkey";

-- DropForeignKey
ALTER TABLE "_OpgaveToUpdate" DROP CONSTRAINT "_OpgaveToUpdate_B_fkey";

-- DropForeignKey
ALTER TABLE "_ThemeToUpdate" DROP CONSTRAINT "_ThemeToUpdate_A_fkey";

-- DropForeignKey
ALTER TABLE "_ThemeToUpdate" DROP CONSTRAINT "_ThemeToUpdate_B_fkey";

-- DropTable
DROP TABLE "_OpgaveToUpdate";

-- DropTable
DROP TABLE "_ThemeToUpdate";
