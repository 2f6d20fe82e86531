// Issue 16: one execution per event, account and selection, shared by that account's subscribers
// (src/http/live-events.ts). The pubsub hands every listener the same message object, even across accounts: the
// shared result must still be per account, so an account never receives what another's subscribers were sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseUpdatedMessage } from '../../src/domain/case-events.js';
import { caseSnapshots } from '../../src/store/cases.js';
import { OpenCase } from '../cases/support.js';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';
import { subscribeSse, subscribeWs } from './subscriber.js';

const SharedCaseUpdates = graphql(`
  subscription SharedCaseUpdates {
    caseUpdated { kind caseId case { id status claimedUnits } }
  }
`);

const CaseWithItems = graphql(`
  subscription SharedCaseWithItems {
    caseUpdated { kind case { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } } }
  }
`);

const CaseNow = graphql(`
  query SharedCaseNow($id: ID!) {
    case(id: $id) { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } }
  }
`);

const CaseHistory = graphql(`
  subscription SharedCaseHistory { caseUpdated { case { id history { action } } } }
`);

describe('a shared event result', () => {
  let server: TestServer;
  let seller: string;
  let other: string;

  beforeAll(async () => {
    server = await startServer({ now: new Date(SAMPLES_AS_OF) });
    seller = await server.account('Seller', 'NA');
    other = await server.account('Another seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, seller, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('reaches two accounts with the same document and the same message object: each sees only its own case', async () => {
    const idOf = async (name: string) =>
      (await server.database.db.prisma.account.findFirstOrThrow({ where: { name } })).id;
    const [sellerId, otherId] = [await idOf('Seller'), await idOf('Another seller')];
    const subscribers = async (token: string) => [
      await subscribeWs(server.url, token, SharedCaseUpdates, {}, server.nextSubscription('case:updated')),
      await subscribeWs(server.url, token, SharedCaseUpdates, {}, server.nextSubscription('case:updated')),
      await subscribeSse(server.url, token, SharedCaseUpdates, {}, server.nextSubscription('case:updated')),
    ];
    const mine = await subscribers(seller);
    const theirs = await subscribers(other);
    const opened = member(
      (
        await gql(
          server,
          OpenCase,
          { input: { type: 'LOST', skus: ['SKU-MUG-01'], amazonCaseId: '1234567890', asOf: SAMPLES_AS_OF } },
          seller,
        )
      ).data?.openCase,
      'OpenCaseSuccess',
    ).case;
    const ownCase = { id: opened.id, status: 'OPEN', claimedUnits: 2 };
    for (const subscriber of mine)
      expect(await subscriber.waitFor(1)).toEqual([
        { caseUpdated: { kind: 'OPENED', caseId: opened.id, case: ownCase } },
      ]);

    // Publishes one message object to both accounts: the seller's subscribers get it as their `nth` event, with their
    // case; the other account's, one event behind, with nothing of it.
    const publishToBoth = async (message: CaseUpdatedMessage, nth: number) => {
      server.events.publish('case:updated', sellerId, message);
      server.events.publish('case:updated', otherId, message);
      for (const subscriber of mine)
        expect((await subscriber.waitFor(nth))[nth - 1]).toEqual({
          caseUpdated: { kind: 'REOPENED', caseId: opened.id, case: ownCase },
        });
      for (const subscriber of theirs)
        expect((await subscriber.waitFor(nth - 1))[nth - 2]).toEqual({
          caseUpdated: { kind: 'REOPENED', caseId: opened.id, case: null },
        });
    };
    // What a result shared across accounts would leak.
    const message = { kind: 'REOPENED' as const, caseId: Number(opened.id), at: new Date().toISOString() };
    await publishToBoth(message, 2);
    // The same with the case in the message, as the server publishes it: the snapshot is the seller's.
    const [snapshot] = (await caseSnapshots(server.database.db, sellerId, [Number(opened.id)])).values();
    await publishToBoth({ ...message, snapshot }, 3);
    await Promise.all([...mine, ...theirs].map((subscriber) => subscriber.close()));
  });

  it('is built from the case the message carries, as a query would give it, with no read of the database per event', async () => {
    const sellerId = (await server.database.db.prisma.account.findFirstOrThrow({ where: { name: 'Seller' } })).id;
    const subscribers = [
      await subscribeWs(server.url, seller, CaseWithItems, {}, server.nextSubscription('case:updated')),
      await subscribeSse(server.url, seller, CaseWithItems, {}, server.nextSubscription('case:updated')),
    ];
    const [found] = await server.database.db.prisma.case.findMany({ where: { accountId: sellerId }, take: 1 });
    const queried = (await gql(server, CaseNow, { id: String(found!.id) }, seller)).data?.case;
    expect(queried?.items.length).toBeGreaterThan(0);
    const [snapshot] = (await caseSnapshots(server.database.db, sellerId, [found!.id])).values();
    const publishClosed = () =>
      server.events.publish('case:updated', sellerId, {
        kind: 'CLOSED',
        caseId: found!.id,
        at: new Date().toISOString(),
        snapshot,
      });
    server.queries.reset();
    publishClosed();
    for (const subscriber of subscribers) {
      expect(await subscriber.waitFor(1)).toEqual([{ caseUpdated: { kind: 'CLOSED', case: queried } }]);
    }
    // (The server's own background reads, such as the sweep of revoked tokens, may come meanwhile: none is a case's.)
    expect(server.queries.made.filter((query) => /case|attribution/i.test(query))).toEqual([]);
    // A selection beyond the case's and its items' own columns (the audit history) is read, as before.
    const historic = await subscribeWs(server.url, seller, CaseHistory, {}, server.nextSubscription('case:updated'));
    server.queries.reset();
    publishClosed();
    expect((await historic.waitFor(1))[0]?.caseUpdated.case?.history.length).toBeGreaterThan(0);
    expect(server.queries.made.filter((query) => /case/i.test(query)).length).toBeGreaterThan(0);
    await Promise.all([...subscribers, historic].map((subscriber) => subscriber.close()));
  });
});
