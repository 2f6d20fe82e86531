-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'REIMBURSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DescriptionLanguage" AS ENUM ('EN', 'FR', 'DE', 'IT', 'ES');

-- AlterTable
ALTER TABLE "account" ADD COLUMN     "description_language" "DescriptionLanguage" NOT NULL DEFAULT 'EN';

-- CreateTable
CREATE TABLE "case" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "amazon_case_id" TEXT NOT NULL,
    "type" "MissingType" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by" TEXT,
    "description" TEXT NOT NULL,
    "language" "DescriptionLanguage" NOT NULL,
    "document" BYTEA NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_item" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "account_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "type" "MissingType" NOT NULL,
    "claimed_units" INTEGER NOT NULL,
    "reimbursed_units" INTEGER NOT NULL DEFAULT 0,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "claims" JSONB NOT NULL,
    "document" BYTEA NOT NULL,

    CONSTRAINT "case_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attribution" (
    "account_id" INTEGER NOT NULL,
    "line_key" TEXT NOT NULL,
    "case_item_id" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "amount" DECIMAL(14,4) NOT NULL,
    "currency" TEXT NOT NULL,

    CONSTRAINT "attribution_pkey" PRIMARY KEY ("account_id","line_key","case_item_id")
);

-- CreateTable
CREATE TABLE "case_audit" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "case_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "case_audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "secret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "secret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "case_account_id_id_idx" ON "case"("account_id", "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "case_amazon_case_id_key" ON "case"("account_id", "amazon_case_id") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "case_item_account_id_product_id_idx" ON "case_item"("account_id", "product_id");

-- CreateIndex
CREATE INDEX "case_item_case_id_idx" ON "case_item"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_item_one_open_case_key" ON "case_item"("account_id", "product_id", "type") WHERE (open);

-- CreateIndex
CREATE INDEX "attribution_case_item_id_idx" ON "attribution"("case_item_id");

-- CreateIndex
CREATE INDEX "case_audit_case_id_idx" ON "case_audit"("case_id");

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_item" ADD CONSTRAINT "case_item_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_audit" ADD CONSTRAINT "case_audit_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
