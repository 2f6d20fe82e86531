-- AlterEnum
ALTER TYPE "MissingType" ADD VALUE 'REMOVAL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ReportKind" ADD VALUE 'REMOVAL_ORDERS';
ALTER TYPE "ReportKind" ADD VALUE 'REMOVAL_SHIPMENTS';

-- AlterTable
ALTER TABLE "account_policy" DROP CONSTRAINT "account_policy_pkey",
ADD COLUMN     "in_transit" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "account_policy_pkey" PRIMARY KEY ("account_id", "type", "in_transit");

-- AlterTable
ALTER TABLE "missing_lot" ADD COLUMN     "carrier" TEXT,
ADD COLUMN     "in_transit" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "removal" JSONB,
ADD COLUMN     "tracking_number" TEXT;

-- CreateTable
CREATE TABLE "removal_order" (
    "account_id" INTEGER NOT NULL,
    "order_id" TEXT NOT NULL,
    "product_id" INTEGER NOT NULL,
    "disposition" TEXT NOT NULL DEFAULT '',
    "request_date" TIMESTAMPTZ(3),
    "order_source" TEXT,
    "order_type" TEXT NOT NULL,
    "service_speed" TEXT,
    "order_status" TEXT NOT NULL,
    "last_updated_date" TIMESTAMPTZ(3) NOT NULL,
    "fnsku" TEXT,
    "requested" INTEGER NOT NULL,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "disposed" INTEGER NOT NULL DEFAULT 0,
    "shipped" INTEGER NOT NULL DEFAULT 0,
    "in_process" INTEGER NOT NULL DEFAULT 0,
    "removal_fee" DECIMAL(14,4),
    "currency" TEXT,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,

    CONSTRAINT "removal_order_pkey" PRIMARY KEY ("account_id","order_id","product_id","disposition")
);

-- CreateTable
CREATE TABLE "removal_shipment" (
    "account_id" INTEGER NOT NULL,
    "order_id" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "product_id" INTEGER NOT NULL,
    "disposition" TEXT NOT NULL DEFAULT '',
    "request_date" TIMESTAMPTZ(3),
    "shipment_date" TIMESTAMPTZ(3) NOT NULL,
    "fnsku" TEXT,
    "shipped" INTEGER NOT NULL,
    "carrier" TEXT,
    "removal_order_type" TEXT,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,

    CONSTRAINT "removal_shipment_pkey" PRIMARY KEY ("account_id","order_id","tracking_number","product_id","disposition")
);

-- CreateTable
CREATE TABLE "removal_receipt" (
    "account_id" INTEGER NOT NULL,
    "order_id" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "product_id" INTEGER NOT NULL,
    "received_units" INTEGER NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "removal_receipt_pkey" PRIMARY KEY ("account_id","order_id","tracking_number","product_id")
);

-- CreateIndex
CREATE INDEX "removal_order_account_id_product_id_idx" ON "removal_order"("account_id", "product_id");

-- CreateIndex
CREATE INDEX "removal_shipment_account_id_product_id_idx" ON "removal_shipment"("account_id", "product_id");

-- CreateIndex
CREATE INDEX "removal_shipment_account_id_shipment_date_idx" ON "removal_shipment"("account_id", "shipment_date");

-- CreateIndex
CREATE INDEX "removal_receipt_account_id_product_id_idx" ON "removal_receipt"("account_id", "product_id");
