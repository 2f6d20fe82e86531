-- CreateIndex
CREATE INDEX "settlement_row_refund_idx" ON "settlement_row"("account_id", "product_id", "order_id") WHERE (transaction_type = 'Refund' AND amount_type = 'ItemPrice' AND amount_description = 'Principal');
