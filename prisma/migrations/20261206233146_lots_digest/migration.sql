-- AlterTable
ALTER TABLE "product" ADD COLUMN     "lots_digest" TEXT;
