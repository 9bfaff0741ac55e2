-- The profile photo's reference moves from the person to the upload, so that
-- User and Upload no longer reference each other (a backup loads every parent
-- table before its children). Photos chosen so far stay chosen.

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "avatarOfId" TEXT;

-- Keep every photo chosen before this migration.
UPDATE "Upload" SET "avatarOfId" = u."id" FROM "User" u WHERE u."avatarId" = "Upload"."id";

-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_avatarId_fkey";

-- DropIndex
DROP INDEX "User_avatarId_key";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "avatarId";

-- CreateIndex
CREATE UNIQUE INDEX "Upload_avatarOfId_key" ON "Upload"("avatarOfId");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_avatarOfId_fkey" FOREIGN KEY ("avatarOfId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
