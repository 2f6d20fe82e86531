-- CreateEnum
CREATE TYPE "AmazonFeed" AS ENUM ('LEDGER', 'REIMBURSEMENTS', 'CUSTOMER_RETURNS', 'SETTLEMENTS', 'INBOUND_SHIPMENTS', 'REFUNDS');

-- CreateEnum
CREATE TYPE "AmazonConnectionStatus" AS ENUM ('CONNECTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "SyncRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "SyncStepStatus" AS ENUM ('PENDING', 'WAITING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "amazon_connection" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_sealed" TEXT NOT NULL,
    "refresh_token_sealed" TEXT NOT NULL,
    "marketplace_ids" TEXT[],
    "sync_every_hours" INTEGER NOT NULL DEFAULT 24,
    "status" "AmazonConnectionStatus" NOT NULL DEFAULT 'CONNECTED',
    "last_error" TEXT,
    "next_sync_at" TIMESTAMPTZ(3) NOT NULL,
    "wake_at" TIMESTAMPTZ(3),
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amazon_connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amazon_sync_run" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "connection_id" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "SyncRunStatus" NOT NULL DEFAULT 'RUNNING',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "amazon_sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amazon_sync_step" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "feed" "AmazonFeed" NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "SyncStepStatus" NOT NULL DEFAULT 'PENDING',
    "data_start" TIMESTAMPTZ(3) NOT NULL,
    "data_end" TIMESTAMPTZ(3) NOT NULL,
    "amazon_report_id" TEXT,
    "done_report_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "polls" INTEGER NOT NULL DEFAULT 0,
    "import_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "rows" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "amazon_sync_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amazon_sync_cursor" (
    "account_id" INTEGER NOT NULL,
    "feed" "AmazonFeed" NOT NULL,
    "fetched_through" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "amazon_sync_cursor_pkey" PRIMARY KEY ("account_id","feed")
);

-- CreateIndex
CREATE UNIQUE INDEX "amazon_connection_account_id_key" ON "amazon_connection"("account_id");

-- CreateIndex
CREATE INDEX "amazon_connection_next_sync_at_idx" ON "amazon_connection"("next_sync_at");

-- CreateIndex
CREATE INDEX "amazon_sync_run_account_id_id_idx" ON "amazon_sync_run"("account_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "amazon_sync_step_run_id_feed_key" ON "amazon_sync_step"("run_id", "feed");

-- AddForeignKey
ALTER TABLE "amazon_connection" ADD CONSTRAINT "amazon_connection_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amazon_sync_run" ADD CONSTRAINT "amazon_sync_run_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "amazon_connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amazon_sync_step" ADD CONSTRAINT "amazon_sync_step_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "amazon_sync_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
