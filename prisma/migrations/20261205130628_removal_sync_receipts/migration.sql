-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AmazonFeed" ADD VALUE 'REMOVAL_ORDERS';
ALTER TYPE "AmazonFeed" ADD VALUE 'REMOVAL_SHIPMENTS';

-- AlterEnum
ALTER TYPE "ReportKind" ADD VALUE 'REMOVAL_RECEIPTS';

-- AlterTable
ALTER TABLE "amazon_sync_step" ADD COLUMN     "updated" INTEGER NOT NULL DEFAULT 0;
