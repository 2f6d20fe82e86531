// Which module fetches each feed.
import { REPORT_TYPES, type SyncFeed } from '../../domain/sync/windows.js';
import type { Halt, StepWork } from '../step.js';
import { inboundStep } from './inbound-shipments.js';
import { refundsStep } from './refunds.js';
import { reportStep } from './reports.js';
import { settlementsStep } from './settlements.js';

export function fetchFeed(work: StepWork): Promise<Halt | undefined> {
  const feed = work.step.feed as SyncFeed;
  switch (feed) {
    case 'LEDGER':
    case 'REIMBURSEMENTS':
    case 'CUSTOMER_RETURNS':
    case 'REMOVAL_ORDERS':
    case 'REMOVAL_SHIPMENTS':
      return reportStep(work, REPORT_TYPES[feed]);
    case 'SETTLEMENTS':
      return settlementsStep(work);
    case 'INBOUND_SHIPMENTS':
      return inboundStep(work);
    case 'REFUNDS':
      return refundsStep(work);
  }
}
