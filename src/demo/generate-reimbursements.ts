// Amazon's automatic reimbursements: the parts of the world that decide to pay something say so with an intent; here
// the intents become report lines, in approval order, with ids that grow with time like Amazon's.
import { hash32, type Random } from './generate-random.js';
import type { ReimbursementLine, ReimbursementReason } from './generate-world-types.js';

export interface ReversalIntent {
  day: number;
  minute: number;
  units: number;
  /** Most reversals name the original's reason; some leave it for the reader to find by the original id. */
  namesOriginalType: boolean;
}

export interface ReimbursementIntent {
  day: number;
  minute: number;
  product: number;
  reason: Exclude<ReimbursementReason, 'Reimbursement_Reversal'>;
  units: number;
  /** Paid with replacement units rather than cash. */
  asInventory: boolean;
  amountPerUnitCents: number;
  /** The refunded order a Customer_Return payment is for. */
  orderId?: string;
  /** Intents with the same group are lines of one reimbursement id (an inbound shipment paid in one go). */
  group?: string;
  reversal?: ReversalIntent;
}

interface PendingLine {
  day: number;
  minute: number;
  sequence: number;
  intent: ReimbursementIntent;
  reversal: ReversalIntent | undefined;
}

function lineOf(pending: PendingLine, reimbursementId: string, originalId: string): ReimbursementLine {
  const { intent, reversal } = pending;
  const sign = reversal ? -1 : 1;
  const units = sign * (reversal?.units ?? intent.units);
  return {
    day: pending.day,
    minute: pending.minute,
    reimbursementId,
    orderId: intent.orderId ?? '',
    reason: reversal ? 'Reimbursement_Reversal' : intent.reason,
    product: intent.product,
    amountPerUnitCents: sign * intent.amountPerUnitCents,
    quantityCash: intent.asInventory ? 0 : units,
    quantityInventory: intent.asInventory ? units : 0,
    originalId,
    originalType: reversal?.namesOriginalType ? intent.reason : '',
  };
}

export function reimbursementLines(
  seed: number,
  random: Random,
  intents: readonly ReimbursementIntent[],
): ReimbursementLine[] {
  const pending: PendingLine[] = [];
  for (const intent of intents) {
    pending.push({ day: intent.day, minute: intent.minute, sequence: pending.length, intent, reversal: undefined });
    const { reversal } = intent;
    if (reversal)
      pending.push({ day: reversal.day, minute: reversal.minute, sequence: pending.length, intent, reversal });
  }
  pending.sort((a, b) => a.day - b.day || a.minute - b.minute || a.sequence - b.sequence);

  let nextId = 2_800_000_000 + (hash32(seed, 0x4e1b) % 100_000_000);
  const idOfGroup = new Map<string, string>();
  const idOfIntent = new Map<ReimbursementIntent, string>();
  const lines: ReimbursementLine[] = [];
  for (const line of pending) {
    const groupKey = line.reversal || !line.intent.group ? undefined : `${line.intent.group}@${line.day}`;
    let id = groupKey ? idOfGroup.get(groupKey) : undefined;
    if (!id) {
      nextId += random.int(1, 400);
      id = String(nextId);
      if (groupKey) idOfGroup.set(groupKey, id);
    }
    if (!line.reversal) idOfIntent.set(line.intent, id);
    lines.push(lineOf(line, id, line.reversal ? (idOfIntent.get(line.intent) ?? '') : ''));
  }
  return lines;
}
