-- AlterTable
ALTER TABLE "missing_window" ADD COLUMN     "by_type" JSONB;

-- The kept ALL rows of every account get their types' rows, as keepWindows writes them from now on.
UPDATE "missing_window" a SET "by_type" = (
  SELECT jsonb_agg(jsonb_build_object('type', t.scope, 'waiting', t.waiting, 'claimable', t.claimable,
                                      'expired', t.expired, 'claimed', t.claimed,
                                      'next_deadline', t.next_deadline, 'payout', t.payout) ORDER BY t.scope)
  FROM "missing_window" t
  WHERE t.account_id = a.account_id AND t.product_id = a.product_id AND t.scope <> 'ALL'
)
WHERE a.scope = 'ALL';
