// docs/rules.md section 4 (netting and window states) and section 7 (the policy table).
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, daysBetween } from '../../src/domain/calendar.js';
import { productPool } from '../../src/domain/detection.js';
import { DomainError } from '../../src/domain/errors.js';
import { type LedgerFact, lostEvents, type MissingEvent, unreturnedEvents } from '../../src/domain/missing-events.js';
import { missingPool } from '../../src/domain/netting.js';
import {
  defaultPolicy,
  policyOf,
  validateWindows,
  WINDOW_KINDS,
  type Window,
  windowKey,
} from '../../src/domain/policy.js';
import type { MissingType, Region } from '../../src/domain/types.js';
import { windowDates, windowState } from '../../src/domain/windows.js';
import { facts, found, lost, noOriginals, refund, reimbursementLine } from './facts.js';

const line = reimbursementLine;
const noClaims: ReadonlyMap<string, number> = new Map();

/** What remains of a pool: [date, units] per event, oldest first. */
function remaining(lots: ReadonlyArray<{ event: MissingEvent; units: number }>): Array<[string, number]> {
  return lots.map((lot) => [lot.event.date, lot.units]);
}

function remainingByOrder(lots: ReadonlyArray<{ event: MissingEvent; units: number }>): Array<[string, number]> {
  return lots.map((lot) => [lot.event.orderId ?? '', lot.units]);
}

describe('docs/rules.md 4. Netting: offsets and unattributed reimbursements consume event units oldest first', () => {
  // LOST events of three dates: 2 on 03-01, 3 on 04-01, 1 on 05-01 (6 units).
  const events = () => lostEvents([lost('2025-05-01', 1), lost('2025-03-01', 2), lost('2025-04-01', 3)]);

  it('with nothing to offset, every event stays whole, oldest first', () => {
    expect(remaining(missingPool(events(), { offsets: [], reimbursements: [] }, noClaims))).toEqual([
      ['2025-03-01', 2],
      ['2025-04-01', 3],
      ['2025-05-01', 1],
    ]);
  });

  it('3 found units take the 2 of 03-01 and 1 of 04-01; each remaining unit keeps its event date', () => {
    expect(
      remaining(missingPool(events(), { offsets: [{ date: '2099-12-31', units: 3 }], reimbursements: [] }, noClaims)),
    ).toEqual([
      ['2025-04-01', 2],
      ['2025-05-01', 1],
    ]);
  });

  it('unattributed reimbursements consume the oldest units the same way: 2 + 3 units reimbursed leave 05-01 only', () => {
    const lots = missingPool(events(), { offsets: [], reimbursements: [{ units: 2 }, { units: 3 }] }, noClaims);
    expect(remaining(lots)).toEqual([['2025-05-01', 1]]);
  });

  it('found units and reimbursements together: 1 found + 2 reimbursed take all of 03-01 and 1 of 04-01', () => {
    const lots = missingPool(
      events(),
      { offsets: [{ date: '2099-12-31', units: 1 }], reimbursements: [{ units: 2 }] },
      noClaims,
    );
    expect(remaining(lots)).toEqual([
      ['2025-04-01', 2],
      ['2025-05-01', 1],
    ]);
  });

  it('reversals subtract: +2 reimbursed and −1 reversed consume 1 unit', () => {
    const lots = missingPool(events(), { offsets: [], reimbursements: [{ units: 2 }, { units: -1 }] }, noClaims);
    expect(remaining(lots)).toEqual([
      ['2025-03-01', 1],
      ['2025-04-01', 3],
      ['2025-05-01', 1],
    ]);
  });

  it('a reimbursement fully reversed consumes nothing', () => {
    const lots = missingPool(events(), { offsets: [], reimbursements: [{ units: 1 }, { units: -1 }] }, noClaims);
    expect(remaining(lots)).toEqual([
      ['2025-03-01', 2],
      ['2025-04-01', 3],
      ['2025-05-01', 1],
    ]);
  });

  it('through productPool: M −2 (03-01), M −3 (04-01), F +1 and a Lost_Warehouse line of 2 leave 2 of 04-01', () => {
    const pool = productPool(
      facts({
        ledger: [lost('2025-03-01', 2), lost('2025-04-01', 3), found('2025-04-10', 1)],
        reimbursements: [line('Lost_Warehouse', { units: 2 })],
      }),
      noOriginals,
    );
    // 5 lost − 1 found − 2 reimbursed = 2, taken from the oldest: 03-01 is gone, 04-01 keeps 2.
    expect(remaining(pool)).toEqual([['2025-04-01', 2]]);
  });

  it('offsets consume all events whatever their date relative to the offset: F on 05-10 takes 03-01 first', () => {
    const pool = productPool(
      facts({ ledger: [lost('2025-03-01', 1), lost('2025-05-01', 1), found('2025-05-10', 1)] }),
      noOriginals,
    );
    expect(remaining(pool)).toEqual([['2025-05-01', 1]]);
  });
});

describe('docs/rules.md 4. A negative balance leaves nothing and is not carried forward as credit', () => {
  it('more offsets than events: 2 lost, 5 found leaves an empty pool (no negative units)', () => {
    const lots = missingPool(
      lostEvents([lost('2025-03-01', 2)]),
      { offsets: [{ date: '2099-12-31', units: 5 }], reimbursements: [] },
      noClaims,
    );
    expect(lots).toEqual([]);
  });

  it('more reimbursed than lost: 2 lost, 4 reimbursed leaves an empty pool', () => {
    const lots = missingPool(
      lostEvents([lost('2025-03-01', 2)]),
      { offsets: [], reimbursements: [{ units: 4 }] },
      noClaims,
    );
    expect(lots).toEqual([]);
  });

  it('the surplus does not touch another type: 5 found units never reduce DAMAGED units', () => {
    const damaged: LedgerFact = { key: 'd', date: '2025-03-01', eventType: 'Adjustments', reason: 'E', quantity: -2 };
    const pool = productPool(facts({ ledger: [lost('2025-03-01', 1), found('2025-03-05', 5), damaged] }), noOriginals);
    expect(pool.map((lot) => [lot.event.type, lot.units])).toEqual([['DAMAGED', 2]]);
  });

  it('a later event is not reduced by an earlier surplus: M −1 (03-01), F +3 (03-10), M −2 (04-01) leave 2 of 04-01', () => {
    // On 03-10 the balance is 1 − 3 = −2: everything is resolved and nothing is left. The surplus of 2 is not credit:
    // the 2 units lost on 04-01, after it, are missing.
    const pool = productPool(
      facts({ ledger: [lost('2025-03-01', 1), found('2025-03-10', 3), lost('2025-04-01', 2)] }),
      noOriginals,
    );
    expect(remaining(pool)).toEqual([['2025-04-01', 2]]);
  });

  it('offsets that come after both events are no surplus: M −1 (03-01), M −2 (04-01), F +3 (04-10) leave nothing', () => {
    const pool = productPool(
      facts({ ledger: [lost('2025-03-01', 1), lost('2025-04-01', 2), found('2025-04-10', 3)] }),
      noOriginals,
    );
    expect(pool).toEqual([]);
  });
});

describe('docs/rules.md 4. UNRETURNED: a reimbursement naming an order consumes that order first, then the oldest', () => {
  // Refunds, one unit each: order A on 01-10, B on 02-10, C on 03-10.
  const A = '111-0000001-000000A';
  const B = '111-0000002-000000B';
  const C = '111-0000003-000000C';
  const refunds = () => [refund(C, '2025-03-10'), refund(A, '2025-01-10'), refund(B, '2025-02-10')];

  it('1 unit naming C consumes C, not the oldest (A)', () => {
    const lots = missingPool(
      unreturnedEvents(refunds(), []),
      { offsets: [], reimbursements: [{ units: 1, orderId: C }] },
      noClaims,
    );
    expect(remainingByOrder(lots)).toEqual([
      [A, 1],
      [B, 1],
    ]);
  });

  it('2 units naming C consume C, then the oldest (A): B is left', () => {
    const lots = missingPool(
      unreturnedEvents(refunds(), []),
      { offsets: [], reimbursements: [{ units: 2, orderId: C }] },
      noClaims,
    );
    expect(remainingByOrder(lots)).toEqual([[B, 1]]);
  });

  it('a reimbursement naming an order without a refund event consumes the oldest', () => {
    const lots = missingPool(
      unreturnedEvents(refunds(), []),
      { offsets: [], reimbursements: [{ units: 1, orderId: '111-9999999-9999999' }] },
      noClaims,
    );
    expect(remainingByOrder(lots)).toEqual([
      [B, 1],
      [C, 1],
    ]);
  });

  it('one naming C and one naming no order: C goes, then A', () => {
    const lots = missingPool(
      unreturnedEvents(refunds(), []),
      { offsets: [], reimbursements: [{ units: 1 }, { units: 1, orderId: C }] },
      noClaims,
    );
    expect(remainingByOrder(lots)).toEqual([[B, 1]]);
  });

  it('through productPool: a CustomerReturn line of order C consumes C', () => {
    const pool = productPool(
      facts({ refunds: refunds(), reimbursements: [line('CustomerReturn', { orderId: C })] }),
      noOriginals,
    );
    expect(remainingByOrder(pool)).toEqual([
      [A, 1],
      [B, 1],
    ]);
  });

  it('through productPool: a CustomerReturn line of C and its reversal (also naming C) consume nothing', () => {
    const original = line('CustomerReturn', { reimbursementId: '9100001', orderId: C });
    const reversal = line('Reimbursement_Reversal', {
      units: -1,
      amount: '-12.99',
      orderId: C,
      originalReimbursementId: '9100001',
      originalReimbursementType: 'CustomerReturn',
    });
    const pool = productPool(facts({ refunds: refunds(), reimbursements: [original, reversal] }), noOriginals);
    expect(remainingByOrder(pool)).toEqual([
      [A, 1],
      [B, 1],
      [C, 1],
    ]);
  });

  it('through productPool: a CustomerReturn line of C and its reversal that names no order consume nothing', () => {
    // The net units of the unattributed reimbursements are 1 − 1 = 0 (docs/rules.md 4: reversals subtract).
    // Reversals belong where their original belongs: this one takes order C from the line it names, and nets with it.
    const original = line('CustomerReturn', { reimbursementId: '9100002', orderId: C });
    const reversal = line('Reimbursement_Reversal', {
      units: -1,
      amount: '-12.99',
      originalReimbursementId: '9100002',
      originalReimbursementType: 'CustomerReturn',
    });
    const pool = productPool(facts({ refunds: refunds(), reimbursements: [original, reversal] }), noOriginals);
    expect(remainingByOrder(pool)).toEqual([
      [A, 1],
      [B, 1],
      [C, 1],
    ]);
  });

  it('an order id on a line of another type does not matter: a Lost_Warehouse line consumes the oldest LOST unit', () => {
    const ledger = [lost('2025-03-01', 1), lost('2025-04-01', 1)];
    const pool = productPool(
      facts({ ledger, reimbursements: [line('Lost_Warehouse', { orderId: '111-0000001-000000A' })] }),
      noOriginals,
    );
    expect(remaining(pool)).toEqual([['2025-04-01', 1]]);
  });
});

describe('docs/rules.md 4. Units claimed by a case are out of the pool; attributed lines do not net', () => {
  it('claimedByEvent takes the claimed units out of the event they came from', () => {
    const events = lostEvents([lost('2025-03-01', 2), lost('2025-04-01', 3)]);
    const claimed = new Map([[events[0]!.key, 2]]);
    expect(remaining(missingPool(events, { offsets: [], reimbursements: [] }, claimed))).toEqual([['2025-04-01', 3]]);
  });

  it('a partial claim leaves the rest of its event in the pool, with its date', () => {
    const events = lostEvents([lost('2025-03-01', 2), lost('2025-04-01', 3)]);
    const claimed = new Map([[events[1]!.key, 1]]);
    expect(remaining(missingPool(events, { offsets: [], reimbursements: [] }, claimed))).toEqual([
      ['2025-03-01', 2],
      ['2025-04-01', 2],
    ]);
  });

  it('netting comes first, then claims: 5 lost, 2 claimed from 03-01, 1 found leaves the 3 of 04-01', () => {
    // Step 1 nets the found unit against the oldest event (03-01: 2 → 1); step 2 takes the case's 2 units out of
    // what is left of it (1 → 0). The 3 units of 04-01 stay missing: the case may still be paid less than it claims.
    const events = lostEvents([lost('2025-03-01', 2), lost('2025-04-01', 3)]);
    const claimed = new Map([[events[0]!.key, 2]]);
    const consumption = { offsets: [{ date: '2099-12-31', units: 1 }], reimbursements: [] };
    expect(remaining(missingPool(events, consumption, claimed))).toEqual([['2025-04-01', 3]]);
  });

  it('a payment that outgrows its case pays for units still in the pool, not for the units the case holds', () => {
    // 3 lost on 04-25 (all claimed by a case) and 4 on 06-01; of a 5-unit payment the case's item took 3, and the
    // 2 left unattributed (docs/rules.md section 3) net the pool: 2 of the 06-01 units are still missing, not 4.
    const events = lostEvents([lost('2025-04-25', 3), lost('2025-06-01', 4)]);
    const claimed = new Map([[events[0]!.key, 3]]);
    const consumption = { offsets: [], reimbursements: [{ units: 2 }] };
    expect(remaining(missingPool(events, consumption, claimed))).toEqual([['2025-06-01', 2]]);
  });

  it('through productPool: a claim is matched by type and event key', () => {
    const ledger = [lost('2025-03-01', 2), lost('2025-04-01', 3)];
    const pool = productPool(
      facts({
        ledger,
        claims: [
          { type: 'LOST', eventKey: ledger[0]!.key, units: 1 },
          { type: 'LOST', eventKey: ledger[0]!.key, units: 1 },
          // Same key but another type: not a claim of these LOST units.
          { type: 'DAMAGED', eventKey: ledger[1]!.key, units: 3 },
        ],
      }),
      noOriginals,
    );
    expect(remaining(pool)).toEqual([['2025-04-01', 3]]);
  });

  it('through productPool: a line attributed to a case does not net the pool (the case holds it)', () => {
    const pool = productPool(
      facts({ ledger: [lost('2025-03-01', 2)], reimbursements: [line('Lost_Warehouse', { attributedUnits: 1 })] }),
      noOriginals,
    );
    expect(remaining(pool)).toEqual([['2025-03-01', 2]]);
  });
});

/** The edges of each window for an event on 2025-01-01: the day before date + W, date + W, date + E, the day after. */
const EDGES: ReadonlyArray<[string, MissingType, Region, Window, string, string, string, string]> = [
  // LOST 30/60: 01-01 + 30 = 01-31, + 60 = 03-02.
  ['LOST', 'LOST', 'NA', { waitDays: 30, deadlineDays: 60 }, '2025-01-30', '2025-01-31', '2025-03-02', '2025-03-03'],
  // DAMAGED 10/60: + 10 = 01-11.
  [
    'DAMAGED',
    'DAMAGED',
    'NA',
    { waitDays: 10, deadlineDays: 60 },
    '2025-01-10',
    '2025-01-11',
    '2025-03-02',
    '2025-03-03',
  ],
  // INBOUND 15/60: + 15 = 01-16.
  [
    'INBOUND',
    'INBOUND',
    'NA',
    { waitDays: 15, deadlineDays: 60 },
    '2025-01-15',
    '2025-01-16',
    '2025-03-02',
    '2025-03-03',
  ],
  // UNRETURNED NA 60/120: + 120 = 05-01 (30 + 28 + 31 + 30 + 1).
  [
    'UNRETURNED NA',
    'UNRETURNED',
    'NA',
    { waitDays: 60, deadlineDays: 120 },
    '2025-03-01',
    '2025-03-02',
    '2025-05-01',
    '2025-05-02',
  ],
  // UNRETURNED FE: like NA.
  [
    'UNRETURNED FE',
    'UNRETURNED',
    'FE',
    { waitDays: 60, deadlineDays: 120 },
    '2025-03-01',
    '2025-03-02',
    '2025-05-01',
    '2025-05-02',
  ],
  // UNRETURNED EU 45/105: + 45 = 02-15, + 105 = 04-16.
  [
    'UNRETURNED EU',
    'UNRETURNED',
    'EU',
    { waitDays: 45, deadlineDays: 105 },
    '2025-02-14',
    '2025-02-15',
    '2025-04-16',
    '2025-04-17',
  ],
];

describe('docs/rules.md 4. Window states at the edges, each type with its default windows (event on 2025-01-01)', () => {
  describe.each(EDGES)('%s', (_name, type, region, window, before, opens, deadline, after) => {
    const policyWindow = defaultPolicy(region)[type];

    it(`has the default window W=${window.waitDays}, E=${window.deadlineDays}`, () => {
      expect(policyWindow).toEqual(window);
      expect(windowDates('2025-01-01', policyWindow)).toEqual({ opens, deadline });
    });

    it(`is WAITING the day before date + W (${before})`, () => {
      expect(windowState('2025-01-01', policyWindow, before)).toBe('WAITING');
      expect(windowState('2025-01-01', policyWindow, '2025-01-01')).toBe('WAITING');
    });

    it(`is CLAIMABLE on date + W (${opens})`, () => {
      expect(windowState('2025-01-01', policyWindow, opens)).toBe('CLAIMABLE');
    });

    it(`is CLAIMABLE on date + E (${deadline})`, () => {
      expect(windowState('2025-01-01', policyWindow, deadline)).toBe('CLAIMABLE');
    });

    it(`is EXPIRED the day after date + E (${after})`, () => {
      expect(windowState('2025-01-01', policyWindow, after)).toBe('EXPIRED');
    });
  });

  it('EU against NA for UNRETURNED: 50 days after the refund EU is CLAIMABLE and NA WAITING', () => {
    const day = addDays('2025-01-01', 50);
    expect(windowState('2025-01-01', defaultPolicy('EU').UNRETURNED, day)).toBe('CLAIMABLE');
    expect(windowState('2025-01-01', defaultPolicy('NA').UNRETURNED, day)).toBe('WAITING');
    expect(windowState('2025-01-01', defaultPolicy('FE').UNRETURNED, day)).toBe('WAITING');
  });

  it('EU against NA for UNRETURNED: 110 days after the refund EU is EXPIRED and NA CLAIMABLE', () => {
    const day = addDays('2025-01-01', 110);
    expect(windowState('2025-01-01', defaultPolicy('EU').UNRETURNED, day)).toBe('EXPIRED');
    expect(windowState('2025-01-01', defaultPolicy('NA').UNRETURNED, day)).toBe('CLAIMABLE');
    expect(windowState('2025-01-01', defaultPolicy('FE').UNRETURNED, day)).toBe('CLAIMABLE');
  });

  it('a window with W = E is claimable on that one day only', () => {
    const window = { waitDays: 60, deadlineDays: 60 };
    expect(windowState('2025-01-01', window, '2025-03-01')).toBe('WAITING');
    expect(windowState('2025-01-01', window, '2025-03-02')).toBe('CLAIMABLE');
    expect(windowState('2025-01-01', window, '2025-03-03')).toBe('EXPIRED');
  });
});

describe('docs/rules.md 4. Windows compare whole UTC days', () => {
  it("asOf's day is its UTC calendar day", () => {
    expect(dayOf(new Date('2025-03-02T23:30:00-05:00'))).toBe('2025-03-03');
    expect(dayOf(new Date('2025-03-03T00:30:00+02:00'))).toBe('2025-03-02');
    expect(dayOf(new Date('2025-06-15T00:00:00Z'))).toBe('2025-06-15');
  });

  it('addDays and daysBetween count calendar days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-15', 30)).toBe('2025-01-14');
    expect(addDays('2025-03-30', 0)).toBe('2025-03-30');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-03-02', '2025-05-01')).toBe(60);
    expect(daysBetween('2025-05-01', '2025-03-02')).toBe(-60);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('docs/rules.md 7. Policy table (defaults)', () => {
  it('NA: LOST 30/60, DAMAGED 10/60, INBOUND 15/60, UNRETURNED 60/120, REMOVAL 0/60 and in transit 15/75', () => {
    expect(defaultPolicy('NA')).toEqual({
      LOST: { waitDays: 30, deadlineDays: 60 },
      DAMAGED: { waitDays: 10, deadlineDays: 60 },
      INBOUND: { waitDays: 15, deadlineDays: 60 },
      UNRETURNED: { waitDays: 60, deadlineDays: 120 },
      REMOVAL: { waitDays: 0, deadlineDays: 60 },
      REMOVAL_IN_TRANSIT: { waitDays: 15, deadlineDays: 75 },
    });
  });

  it('EU: the same, but UNRETURNED 45/105', () => {
    expect(defaultPolicy('EU')).toEqual({
      LOST: { waitDays: 30, deadlineDays: 60 },
      DAMAGED: { waitDays: 10, deadlineDays: 60 },
      INBOUND: { waitDays: 15, deadlineDays: 60 },
      UNRETURNED: { waitDays: 45, deadlineDays: 105 },
      REMOVAL: { waitDays: 0, deadlineDays: 60 },
      REMOVAL_IN_TRANSIT: { waitDays: 15, deadlineDays: 75 },
    });
  });

  it('FE (every region but EU) is like NA', () => {
    expect(defaultPolicy('FE')).toEqual(defaultPolicy('NA'));
  });

  it('every default passes validateWindows', () => {
    for (const region of ['NA', 'EU', 'FE'] as const) {
      const policy = defaultPolicy(region);
      expect(() =>
        validateWindows(WINDOW_KINDS.map((kind) => ({ ...windowKey(kind), ...policy[kind] }))),
      ).not.toThrow();
    }
  });
});

describe('docs/rules.md 7. Every number of the policy table is a default an account can change', () => {
  it('policyOf takes the account windows where set, the region defaults elsewhere', () => {
    const policy = policyOf('NA', [{ type: 'LOST', waitDays: 20, deadlineDays: 50 }]);
    expect(policy.LOST).toEqual({ waitDays: 20, deadlineDays: 50 });
    expect(policy.DAMAGED).toEqual({ waitDays: 10, deadlineDays: 60 });
    expect(policy.INBOUND).toEqual({ waitDays: 15, deadlineDays: 60 });
    expect(policy.UNRETURNED).toEqual({ waitDays: 60, deadlineDays: 120 });
  });

  it('policyOf an EU account keeps the EU default where not overridden', () => {
    const policy = policyOf('EU', [{ type: 'DAMAGED', waitDays: 0, deadlineDays: 30 }]);
    expect(policy.DAMAGED).toEqual({ waitDays: 0, deadlineDays: 30 });
    expect(policy.UNRETURNED).toEqual({ waitDays: 45, deadlineDays: 105 });
  });

  it('policyOf without overrides is the default policy, and does not change the defaults', () => {
    expect(policyOf('EU', [])).toEqual(defaultPolicy('EU'));
    policyOf('NA', [{ type: 'LOST', waitDays: 1, deadlineDays: 2 }]);
    expect(defaultPolicy('NA').LOST).toEqual({ waitDays: 30, deadlineDays: 60 });
  });

  it('an overridden window moves the states: LOST 20/50, event 01-01, asOf 01-21 is CLAIMABLE, 02-21 is EXPIRED', () => {
    const policy = policyOf('NA', [{ type: 'LOST', waitDays: 20, deadlineDays: 50 }]);
    expect(windowState('2025-01-01', policy.LOST, '2025-01-20')).toBe('WAITING');
    expect(windowState('2025-01-01', policy.LOST, '2025-01-21')).toBe('CLAIMABLE');
    expect(windowState('2025-01-01', policy.LOST, '2025-02-20')).toBe('CLAIMABLE');
    expect(windowState('2025-01-01', policy.LOST, '2025-02-21')).toBe('EXPIRED');
  });
});

describe('docs/rules.md 7. validateWindows refuses windows that make no sense (INVALID_POLICY)', () => {
  function refusal(windows: ReadonlyArray<{ type: MissingType } & Window>): DomainError | undefined {
    try {
      validateWindows(windows);
      return undefined;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  }

  it('accepts 0 ≤ W ≤ E ≤ 365, W = E included', () => {
    expect(refusal([{ type: 'LOST', waitDays: 0, deadlineDays: 0 }])).toBeUndefined();
    expect(refusal([{ type: 'LOST', waitDays: 60, deadlineDays: 60 }])).toBeUndefined();
    expect(refusal([{ type: 'LOST', waitDays: 0, deadlineDays: 365 }])).toBeUndefined();
    expect(refusal([{ type: 'LOST', waitDays: 365, deadlineDays: 365 }])).toBeUndefined();
    expect(refusal([])).toBeUndefined();
  });

  it.each<[string, { type: MissingType } & Window]>([
    ['a wait longer than the deadline', { type: 'LOST', waitDays: 61, deadlineDays: 60 }],
    ['a negative wait', { type: 'DAMAGED', waitDays: -1, deadlineDays: 60 }],
    ['a negative deadline', { type: 'DAMAGED', waitDays: 0, deadlineDays: -1 }],
    ['a deadline over 365 days', { type: 'INBOUND', waitDays: 15, deadlineDays: 366 }],
    ['a wait over 365 days', { type: 'INBOUND', waitDays: 366, deadlineDays: 366 }],
    ['a wait that is not a whole number', { type: 'UNRETURNED', waitDays: 1.5, deadlineDays: 120 }],
    ['a deadline that is not a whole number', { type: 'UNRETURNED', waitDays: 60, deadlineDays: 120.25 }],
    ['a NaN wait', { type: 'LOST', waitDays: Number.NaN, deadlineDays: 60 }],
    ['an infinite deadline', { type: 'LOST', waitDays: 30, deadlineDays: Number.POSITIVE_INFINITY }],
  ])('refuses %s', (_name, window) => {
    expect(refusal([window])?.code).toBe('INVALID_POLICY');
  });

  it('refuses a type given twice, even with valid windows', () => {
    const error = refusal([
      { type: 'LOST', waitDays: 30, deadlineDays: 60 },
      { type: 'LOST', waitDays: 20, deadlineDays: 50 },
    ]);
    expect(error?.code).toBe('INVALID_POLICY');
  });

  it('refuses a type that is not one of LOST, DAMAGED, INBOUND, UNRETURNED', () => {
    const window = { type: 'STOLEN', waitDays: 1, deadlineDays: 2 } as unknown as { type: MissingType } & Window;
    expect(refusal([window])?.code).toBe('INVALID_POLICY');
  });

  it('one bad window refuses the whole list', () => {
    const error = refusal([
      { type: 'LOST', waitDays: 30, deadlineDays: 60 },
      { type: 'DAMAGED', waitDays: 70, deadlineDays: 60 },
    ]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('INVALID_POLICY');
  });
});
