// Every job a queue can run, by name.
import { attributeReimbursements } from './attribute-reimbursements.js';
import { deadlineAlerts } from './deadline-alerts.js';
import type { JobDefinition } from './kit.js';
import { processImportJob } from './process-import.js';
import { refreshWindows } from './refresh-windows.js';

export const ALL_JOBS = [
  processImportJob,
  attributeReimbursements,
  refreshWindows,
  deadlineAlerts,
] as unknown as readonly JobDefinition<never>[];
