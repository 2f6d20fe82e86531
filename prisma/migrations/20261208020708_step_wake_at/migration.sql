-- AlterTable
ALTER TABLE "amazon_sync_step" ADD COLUMN     "wake_at" TIMESTAMPTZ(3);
