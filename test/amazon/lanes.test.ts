// The order a sync run takes its steps in (src/amazon-sync/lanes.ts): the inbound shipments beside the other feeds,
// a waiting feed passed by, the refunds after every feed before them, the earliest wake-up answered.
import { describe, expect, it } from 'vitest';
import { type LaneStep, runLanes, type Taken } from '../../src/amazon-sync/lanes.js';
import { SYNC_FEEDS } from '../../src/domain/sync/windows.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const now = () => NOW;

function stepsOf(changes: Record<string, Partial<LaneStep>> = {}): LaneStep[] {
  return SYNC_FEEDS.map((feed) => ({ feed, status: 'PENDING', wakeAt: null, ...changes[feed] }));
}

/** A take() that answers each feed's scripted outcome after `delays[feed]` ms, and logs starts and ends. */
function scripted(outcomes: Record<string, Taken | Error>, delays: Record<string, number> = {}) {
  const log: string[] = [];
  const take = async (step: LaneStep): Promise<Taken> => {
    log.push(`start ${step.feed}`);
    await new Promise((resolve) => setTimeout(resolve, delays[step.feed] ?? 0));
    log.push(`end ${step.feed}`);
    const outcome = outcomes[step.feed] ?? 'ended';
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { log, take };
}

describe('the steps of a sync run', () => {
  it('takes the inbound shipments beside the other feeds, which go in their order', async () => {
    const { log, take } = scripted({}, { INBOUND_SHIPMENTS: 30 });
    expect(await runLanes(stepsOf(), take, now)).toBeUndefined();
    // The report feeds started before the shipments ended; the refunds only after them.
    expect(log.indexOf('start LEDGER')).toBeLessThan(log.indexOf('end INBOUND_SHIPMENTS'));
    expect(log.indexOf('start REFUNDS')).toBeGreaterThan(log.indexOf('end INBOUND_SHIPMENTS'));
    const others = log.filter((line) => line.startsWith('start') && !line.includes('INBOUND'));
    expect(others).toEqual(SYNC_FEEDS.filter((feed) => feed !== 'INBOUND_SHIPMENTS').map((feed) => `start ${feed}`));
  });

  it('passes by a feed that waits, and answers the earliest wake-up of those left waiting', async () => {
    const { log, take } = scripted({ LEDGER: at(60), REMOVAL_ORDERS: at(30) });
    expect(await runLanes(stepsOf(), take, now)).toEqual(at(30));
    expect(log).toContain('start REIMBURSEMENTS');
    expect(log).toContain('start REMOVAL_SHIPMENTS');
  });

  it('leaves the refunds for later while a feed before them waits', async () => {
    const { log, take } = scripted({ SETTLEMENTS: at(45) });
    expect(await runLanes(stepsOf(), take, now)).toEqual(at(45));
    expect(log).not.toContain('start REFUNDS');
    expect(log).toContain('start REMOVAL_SHIPMENTS');
    // The same with the shipments waiting, in the other lane.
    const shipments = scripted({ INBOUND_SHIPMENTS: at(20) }, { INBOUND_SHIPMENTS: 20 });
    expect(await runLanes(stepsOf(), shipments.take, now)).toEqual(at(20));
    expect(shipments.log).not.toContain('start REFUNDS');
  });

  it('comes back for a waiting step only at its time; ended steps are not taken again', async () => {
    const { log, take } = scripted({});
    const steps = stepsOf({
      INBOUND_SHIPMENTS: { status: 'SUCCEEDED' },
      LEDGER: { status: 'WAITING', wakeAt: at(10) },
      REIMBURSEMENTS: { status: 'WAITING', wakeAt: at(0.5) },
      CUSTOMER_RETURNS: { status: 'FAILED' },
    });
    expect(await runLanes(steps, take, now)).toEqual(at(10));
    // The refunds wait for the ledger too.
    expect(log.filter((line) => line.startsWith('start'))).toEqual([
      'start REIMBURSEMENTS',
      'start SETTLEMENTS',
      'start REMOVAL_ORDERS',
      'start REMOVAL_SHIPMENTS',
    ]);
  });

  it('stops both lanes at a stop, and throws a step’s error only once both lanes ended', async () => {
    const stop = scripted({ LEDGER: 'stop' }, { INBOUND_SHIPMENTS: 20 });
    expect(await runLanes(stepsOf(), stop.take, now)).toBeUndefined();
    expect(stop.log).not.toContain('start REIMBURSEMENTS');
    expect(stop.log).toContain('end INBOUND_SHIPMENTS');

    const crash = scripted({ LEDGER: new Error('the database went away') }, { INBOUND_SHIPMENTS: 30 });
    await expect(runLanes(stepsOf(), crash.take, now)).rejects.toThrow('the database went away');
    expect(crash.log).toContain('end INBOUND_SHIPMENTS');
    expect(crash.log).not.toContain('start REIMBURSEMENTS');
  });
});
