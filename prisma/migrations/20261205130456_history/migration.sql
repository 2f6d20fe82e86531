-- CreateTable
CREATE TABLE "missing_event" (
    "account_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "type" "MissingType" NOT NULL,
    "event_key" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "missing_event_pkey" PRIMARY KEY ("account_id","product_id","type","event_key")
);

-- CreateIndex
CREATE INDEX "missing_event_account_id_date_idx" ON "missing_event"("account_id", "date");

-- The events of the products already computed are written on their next computation: mark every product stale, so that
-- the start-up refresh (or the next import) writes them.
UPDATE "product" SET "facts_version" = "facts_version" + 1;
