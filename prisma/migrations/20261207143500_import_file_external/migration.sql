-- The stored files are gzip already: PostgreSQL need not try to compress them again before storing them out of line
-- (its attempt on each 1 MB block was about a quarter of storing a 155 MB ledger on the embedded database).
ALTER TABLE "import_file" ALTER COLUMN "data" SET STORAGE EXTERNAL;
