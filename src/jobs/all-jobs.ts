// Every job a queue can run, by name.
import { attributeReimbursements } from './attribute-reimbursements.js';
import { deadlineAlerts } from './deadline-alerts.js';
import type { JobDefinition } from './kit.js';
import { processImportJob } from './process-import.js';
import { refreshWindows } from './refresh-windows.js';
import { syncAmazon } from './sync-amazon.js';
import { syncDue } from './sync-due.js';

export const ALL_JOBS = [
  processImportJob,
  attributeReimbursements,
  refreshWindows,
  deadlineAlerts,
  syncAmazon,
  syncDue,
] as unknown as readonly JobDefinition<never>[];
