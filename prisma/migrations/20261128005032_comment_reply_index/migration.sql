-- CreateIndex
CREATE INDEX "Comment_replyToId_idx" ON "Comment"("replyToId");

