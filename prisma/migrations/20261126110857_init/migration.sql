-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('NA', 'EU', 'FE');

-- CreateEnum
CREATE TYPE "Valuation" AS ENUM ('LAST_SALE_PRICE', 'PURCHASE_COST');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('LEDGER', 'REIMBURSEMENTS', 'CUSTOMER_RETURNS', 'SETTLEMENT', 'INBOUND_SHIPMENTS', 'PRODUCT_COSTS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "account" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "region" "Region" NOT NULL,
    "valuation" "Valuation" NOT NULL DEFAULT 'LAST_SALE_PRICE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "label" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "fnsku" TEXT,
    "asin" TEXT,
    "title" TEXT,
    "purchase_cost" DECIMAL(14,4),
    "purchase_currency" TEXT,
    "last_sale_price" DECIMAL(14,4),
    "last_sale_currency" TEXT,
    "last_sale_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "encoding" TEXT,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_file" (
    "import_id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "account_id" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "import_file_pkey" PRIMARY KEY ("import_id","seq")
);

-- CreateTable
CREATE TABLE "ledger_entry" (
    "account_id" INTEGER NOT NULL,
    "row_key" UUID NOT NULL,
    "occurrence" SMALLINT NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "event_type" TEXT NOT NULL,
    "reference_id" TEXT,
    "quantity" INTEGER NOT NULL,
    "fulfillment_center" TEXT,
    "disposition" TEXT,
    "reason" TEXT,

    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("account_id","row_key","occurrence")
);

-- CreateTable
CREATE TABLE "reimbursement" (
    "account_id" INTEGER NOT NULL,
    "row_key" UUID NOT NULL,
    "occurrence" SMALLINT NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "approval_date" TIMESTAMPTZ(3) NOT NULL,
    "reimbursement_id" TEXT NOT NULL,
    "case_id" TEXT,
    "amazon_order_id" TEXT,
    "reason" TEXT NOT NULL,
    "fnsku" TEXT,
    "asin" TEXT,
    "condition" TEXT,
    "currency" TEXT NOT NULL,
    "amount_per_unit" DECIMAL(14,4),
    "amount_total" DECIMAL(14,4) NOT NULL,
    "quantity_cash" INTEGER NOT NULL,
    "quantity_inventory" INTEGER NOT NULL,
    "quantity_total" INTEGER NOT NULL,
    "original_reimbursement_id" TEXT,
    "original_reimbursement_type" TEXT,

    CONSTRAINT "reimbursement_pkey" PRIMARY KEY ("account_id","row_key","occurrence")
);

-- CreateTable
CREATE TABLE "customer_return" (
    "account_id" INTEGER NOT NULL,
    "row_key" UUID NOT NULL,
    "occurrence" SMALLINT NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "return_date" TIMESTAMPTZ(3) NOT NULL,
    "order_id" TEXT NOT NULL,
    "fnsku" TEXT,
    "asin" TEXT,
    "quantity" INTEGER NOT NULL,
    "fulfillment_center_id" TEXT,
    "detailed_disposition" TEXT,
    "reason" TEXT,
    "status" TEXT,
    "license_plate_number" TEXT,
    "customer_comments" TEXT,

    CONSTRAINT "customer_return_pkey" PRIMARY KEY ("account_id","row_key","occurrence")
);

-- CreateTable
CREATE TABLE "settlement_row" (
    "account_id" INTEGER NOT NULL,
    "row_key" UUID NOT NULL,
    "occurrence" SMALLINT NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "product_id" INTEGER,
    "settlement_id" TEXT NOT NULL,
    "settlement_start_date" TIMESTAMPTZ(3),
    "settlement_end_date" TIMESTAMPTZ(3),
    "deposit_date" TIMESTAMPTZ(3),
    "total_amount" DECIMAL(14,4),
    "currency" TEXT,
    "transaction_type" TEXT,
    "order_id" TEXT,
    "merchant_order_id" TEXT,
    "adjustment_id" TEXT,
    "shipment_id" TEXT,
    "marketplace_name" TEXT,
    "amount_type" TEXT,
    "amount_description" TEXT,
    "amount" DECIMAL(14,4),
    "fulfillment_id" TEXT,
    "posted_date" TIMESTAMPTZ(3),
    "order_item_code" TEXT,
    "merchant_order_item_id" TEXT,
    "merchant_adjustment_item_id" TEXT,
    "quantity_purchased" INTEGER,

    CONSTRAINT "settlement_row_pkey" PRIMARY KEY ("account_id","row_key","occurrence")
);

-- CreateTable
CREATE TABLE "shipment" (
    "account_id" INTEGER NOT NULL,
    "shipment_id" TEXT NOT NULL,
    "name" TEXT,
    "status" TEXT,
    "destination_fulfillment_center_id" TEXT,
    "closed_date" DATE,
    "closed_seen_at" TIMESTAMPTZ(3),
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_pkey" PRIMARY KEY ("account_id","shipment_id")
);

-- CreateTable
CREATE TABLE "shipment_item" (
    "account_id" INTEGER NOT NULL,
    "shipment_id" TEXT NOT NULL,
    "product_id" INTEGER NOT NULL,
    "fnsku" TEXT,
    "quantity_shipped" INTEGER NOT NULL,
    "quantity_received" INTEGER NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,

    CONSTRAINT "shipment_item_pkey" PRIMARY KEY ("account_id","shipment_id","product_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_token_hash_key" ON "api_token"("hash");

-- CreateIndex
CREATE INDEX "api_token_account_id_idx" ON "api_token"("account_id");

-- CreateIndex
CREATE INDEX "product_account_id_fnsku_idx" ON "product"("account_id", "fnsku");

-- CreateIndex
CREATE UNIQUE INDEX "product_account_id_sku_key" ON "product"("account_id", "sku");

-- CreateIndex
CREATE INDEX "import_account_id_id_idx" ON "import"("account_id", "id" DESC);

-- CreateIndex
CREATE INDEX "ledger_entry_detection_idx" ON "ledger_entry"("account_id", "product_id", "date") WHERE (event_type = ANY (ARRAY['Adjustments'::text, 'Receipts'::text]));

-- CreateIndex
CREATE INDEX "reimbursement_account_id_product_id_approval_date_idx" ON "reimbursement"("account_id", "product_id", "approval_date");

-- CreateIndex
CREATE INDEX "reimbursement_account_id_reimbursement_id_idx" ON "reimbursement"("account_id", "reimbursement_id");

-- CreateIndex
CREATE INDEX "customer_return_account_id_product_id_order_id_idx" ON "customer_return"("account_id", "product_id", "order_id");

-- CreateIndex
CREATE INDEX "settlement_row_principal_idx" ON "settlement_row"("account_id", "product_id", "posted_date") WHERE (amount_type = 'ItemPrice' AND amount_description = 'Principal');

-- CreateIndex
CREATE INDEX "shipment_item_account_id_product_id_idx" ON "shipment_item"("account_id", "product_id");

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import" ADD CONSTRAINT "import_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_file" ADD CONSTRAINT "import_file_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_item" ADD CONSTRAINT "shipment_item_account_id_shipment_id_fkey" FOREIGN KEY ("account_id", "shipment_id") REFERENCES "shipment"("account_id", "shipment_id") ON DELETE CASCADE ON UPDATE CASCADE;
