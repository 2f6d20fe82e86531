-- CreateEnum
CREATE TYPE "MissingType" AS ENUM ('LOST', 'DAMAGED', 'INBOUND', 'UNRETURNED');

-- AlterTable
ALTER TABLE "product" ADD COLUMN     "facts_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lots_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "account_policy" (
    "account_id" INTEGER NOT NULL,
    "type" "MissingType" NOT NULL,
    "wait_days" INTEGER NOT NULL,
    "deadline_days" INTEGER NOT NULL,

    CONSTRAINT "account_policy_pkey" PRIMARY KEY ("account_id","type")
);

-- CreateTable
CREATE TABLE "missing_lot" (
    "account_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "type" "MissingType" NOT NULL,
    "event_key" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "opens" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "units" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "reference" TEXT,
    "reason_code" TEXT,
    "fulfillment_center" TEXT,
    "disposition" TEXT,

    CONSTRAINT "missing_lot_pkey" PRIMARY KEY ("account_id","product_id","type","event_key")
);

-- CreateIndex
CREATE INDEX "missing_lot_account_id_deadline_opens_idx" ON "missing_lot"("account_id", "deadline", "opens");

-- CreateIndex
CREATE INDEX "product_stale_idx" ON "product"("account_id") WHERE (facts_version > lots_version);

-- AddForeignKey
ALTER TABLE "account_policy" ADD CONSTRAINT "account_policy_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
