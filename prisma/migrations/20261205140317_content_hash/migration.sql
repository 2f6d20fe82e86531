-- AlterTable
ALTER TABLE "import" ADD COLUMN     "content_hash" TEXT;

-- CreateIndex
CREATE INDEX "import_account_id_content_hash_idx" ON "import"("account_id", "content_hash");
