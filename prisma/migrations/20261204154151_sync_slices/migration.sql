-- AlterTable
ALTER TABLE "amazon_sync_step" ADD COLUMN     "fetched_through" TIMESTAMPTZ(3),
ADD COLUMN     "slice_end" TIMESTAMPTZ(3),
ADD COLUMN     "slice_import_id" INTEGER;

-- AlterTable
ALTER TABLE "import" ADD COLUMN     "shipment_id" TEXT;
