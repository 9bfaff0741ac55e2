-- Hand-written: "Update"."search" is a generated column (Dutch stemming, title
-- weighted above body); schema.prisma knows it as Unsupported("tsvector").

-- CreateEnum
CREATE TYPE "UpdateStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "feedTokenHash" TEXT;

-- CreateTable
CREATE TABLE "Update" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "phase" "ExperimentPhase" NOT NULL,
    "milestone" TEXT,
    "status" "UpdateStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "commentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('dutch'::regconfig, coalesce("title", '')), 'A') ||
      setweight(to_tsvector('dutch'::regconfig, coalesce("body", '')), 'B')
    ) STORED,

    CONSTRAINT "Update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpdateRevision" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "editorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "phase" "ExperimentPhase" NOT NULL,
    "milestone" TEXT,
    "opgaven" TEXT[],
    "themes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpdateRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "updateId" TEXT,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_OpgaveToUpdate" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_OpgaveToUpdate_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ThemeToUpdate" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ThemeToUpdate_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Update_status_publishedAt_idx" ON "Update"("status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Update_experimentId_status_publishedAt_idx" ON "Update"("experimentId", "status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Update_authorId_status_idx" ON "Update"("authorId", "status");

-- CreateIndex
CREATE INDEX "Update_status_title_idx" ON "Update"("status", "title");

-- CreateIndex
CREATE INDEX "Update_status_commentCount_idx" ON "Update"("status", "commentCount");

-- CreateIndex
CREATE INDEX "Update_search_idx" ON "Update" USING GIN ("search");

-- CreateIndex
CREATE INDEX "UpdateRevision_updateId_createdAt_idx" ON "UpdateRevision"("updateId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Upload_storageKey_key" ON "Upload"("storageKey");

-- CreateIndex
CREATE INDEX "Upload_uploaderId_idx" ON "Upload"("uploaderId");

-- CreateIndex
CREATE INDEX "_OpgaveToUpdate_B_index" ON "_OpgaveToUpdate"("B");

-- CreateIndex
CREATE INDEX "_ThemeToUpdate_B_index" ON "_ThemeToUpdate"("B");

-- CreateIndex
CREATE UNIQUE INDEX "User_feedTokenHash_key" ON "User"("feedTokenHash");

-- AddForeignKey
ALTER TABLE "Update" ADD CONSTRAINT "Update_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Update" ADD CONSTRAINT "Update_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRevision" ADD CONSTRAINT "UpdateRevision_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "Update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRevision" ADD CONSTRAINT "UpdateRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "Update"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpgaveToUpdate" ADD CONSTRAINT "_OpgaveToUpdate_A_fkey" FOREIGN KEY ("A") REFERENCES "Opgave"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpgaveToUpdate" ADD CONSTRAINT "_OpgaveToUpdate_B_fkey" FOREIGN KEY ("B") REFERENCES "Update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ThemeToUpdate" ADD CONSTRAINT "_ThemeToUpdate_A_fkey" FOREIGN KEY ("A") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ThemeToUpdate" ADD CONSTRAINT "_ThemeToUpdate_B_fkey" FOREIGN KEY ("B") REFERENCES "Update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

