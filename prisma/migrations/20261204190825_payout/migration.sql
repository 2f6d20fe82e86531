-- AlterTable
ALTER TABLE "account" ADD COLUMN     "cost_basis_date" DATE;

-- AlterTable
ALTER TABLE "ledger_entry" ADD COLUMN     "reconciled_quantity" INTEGER,
ADD COLUMN     "unreconciled_quantity" INTEGER;

-- AlterTable
ALTER TABLE "missing_lot" ADD COLUMN     "amazon_reconciled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "payout_basis" TEXT,
ADD COLUMN     "payout_currency" TEXT,
ADD COLUMN     "payout_per_unit" DECIMAL(30,20),
ADD COLUMN     "reconciled_quantity" INTEGER,
ADD COLUMN     "unreconciled_quantity" INTEGER;

-- CreateIndex
CREATE INDEX "settlement_row_order_idx" ON "settlement_row"("account_id", "product_id", "order_id") WHERE (transaction_type = 'Order');

-- The stored missing pools gain their UNRETURNED payouts and ledger reconciliation when they are next computed:
-- every product is stale, and the server recomputes stale products at start-up.
UPDATE "product" SET "facts_version" = "facts_version" + 1;
