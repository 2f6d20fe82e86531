-- CreateTable
CREATE TABLE "missing_window" (
    "account_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "sort_day" DATE NOT NULL,
    "waiting" INTEGER NOT NULL,
    "claimable" INTEGER NOT NULL,
    "expired" INTEGER NOT NULL,
    "claimed" INTEGER NOT NULL,
    "next_deadline" DATE,
    "payout" JSONB,

    CONSTRAINT "missing_window_pkey" PRIMARY KEY ("account_id","product_id","scope")
);

-- CreateTable
CREATE TABLE "missing_window_day" (
    "account_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "missing_window_day_pkey" PRIMARY KEY ("account_id")
);

-- CreateIndex
CREATE INDEX "missing_window_account_id_scope_sort_day_sku_idx" ON "missing_window"("account_id", "scope", "sort_day", "sku");
