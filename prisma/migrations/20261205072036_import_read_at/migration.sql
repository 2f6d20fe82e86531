-- AlterTable
ALTER TABLE "import" ADD COLUMN     "read_at" TIMESTAMPTZ(3);
