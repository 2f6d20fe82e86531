// Finances (2024-06-19 listTransactions): the orders and refunds posted since the last settlement, as provisional
// settlement rows.
import { Wait } from '../../amazon/client.js';
import {
  PROVISIONAL_SETTLEMENT_ID,
  type TransactionsPage,
  transactionsAsSettlementText,
} from '../../domain/sync/finances-transactions.js';
import { FINANCES_SLICE_DAYS } from '../../domain/sync/windows.js';
import { fbaSkus, settledThrough } from '../../store/amazon.js';
import { allPages } from '../paginate.js';
import { type Halt, recordImport, StepFailure, type StepWork, slicedStep, textOf } from '../step.js';

/**
 * In windows of at most 180 days (a longer one answers empty), every page asked with the same arguments and its next
 * token, each window's rows one import.
 */
export async function refundsStep(work: StepWork): Promise<Halt | undefined> {
  const { ctx, client, connection, step } = work;
  // A settlement imported by this very run moves the start.
  const settled = await settledThrough(ctx.db, connection.accountId);
  const start = settled && settled > step.dataStart ? settled : step.dataStart;
  let fba: Set<string> | undefined;
  return slicedStep(work, { start, end: step.dataEnd }, FINANCES_SLICE_DAYS, async (slice) => {
    const pages = await allPages(
      async (nextToken) =>
        (await client.listTransactions({
          postedAfter: slice.start.toISOString(),
          postedBefore: slice.end.toISOString(),
          nextToken,
        })) as TransactionsPage | Wait,
      (page) => page.payload?.nextToken,
    );
    if (pages instanceof Wait) return pages;
    fba ??= await fbaSkus(ctx.db, connection.accountId);
    const known = fba;
    const converted = transactionsAsSettlementText(pages, (sku) => known.has(sku));
    if (converted.skipped.length > 0) {
      ctx.log.warn(
        { accountId: connection.accountId, skipped: converted.skipped.length, first: converted.skipped[0] },
        'listTransactions gave transactions that cannot become settlement rows',
      );
    }
    if (converted.rows === 0) return undefined;
    const name = `${PROVISIONAL_SETTLEMENT_ID}-${slice.start.toISOString().slice(0, 10)}-${slice.end.toISOString().slice(0, 10)}.txt`;
    const recorded = await recordImport(work, name, textOf(converted.text), { forSlice: true });
    return recorded instanceof StepFailure ? recorded : undefined;
  });
}
