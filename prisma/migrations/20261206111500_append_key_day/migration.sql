-- As the ledger's in ledger_key_day: the keys of reimbursements, customer returns and settlement rows now begin with
-- their day (the UTC day of the approval, the return, and of a settlement row's posting, else its deposit, else its
-- settlement's start; src/ingest/writers.ts), and the rows stored before get the key they would get now.
UPDATE "reimbursement"
SET "row_key" = (
  lpad(to_hex(LEAST(GREATEST(("approval_date" AT TIME ZONE 'UTC')::date - DATE '1970-01-01', 0), 65535)), 4, '0')
  || substr(replace("row_key"::text, '-', ''), 5)
)::uuid;

UPDATE "customer_return"
SET "row_key" = (
  lpad(to_hex(LEAST(GREATEST(("return_date" AT TIME ZONE 'UTC')::date - DATE '1970-01-01', 0), 65535)), 4, '0')
  || substr(replace("row_key"::text, '-', ''), 5)
)::uuid;

UPDATE "settlement_row"
SET "row_key" = (
  lpad(to_hex(LEAST(GREATEST(
    (COALESCE("posted_date", "deposit_date", "settlement_start_date") AT TIME ZONE 'UTC')::date - DATE '1970-01-01', 0
  ), 65535)), 4, '0')
  || substr(replace("row_key"::text, '-', ''), 5)
)::uuid
WHERE COALESCE("posted_date", "deposit_date", "settlement_start_date") IS NOT NULL;
