-- A ledger row's key now begins with its day (days since 1970-01-01 in the first 16 bits, the rest the MD5 of its
-- identity as before; src/ingest/copy-text.ts identityKey): a file's rows then go to neighbouring pages of the primary
-- key instead of pages all over it. The rows stored before get the same key they would get now, so that importing
-- their file again still finds them.
UPDATE "ledger_entry"
SET "row_key" = (
  lpad(to_hex(LEAST(GREATEST("date" - DATE '1970-01-01', 0), 65535)), 4, '0')
  || substr(replace("row_key"::text, '-', ''), 5)
)::uuid
WHERE substr(replace("row_key"::text, '-', ''), 1, 4)
   <> lpad(to_hex(LEAST(GREATEST("date" - DATE '1970-01-01', 0), 65535)), 4, '0');
