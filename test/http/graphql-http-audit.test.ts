// The GraphQL over HTTP specification, as audited by the `graphql-http` package against the running server: every
// MUST passes, and the SHOULD and MAY audits the server does not meet are exactly the departures listed below, each
// for a reason; a change either way (a new departure, or one that no longer holds) fails and is written down here.
import { type Audit, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/** The SHOULD and MAY audits the server departs from, by audit id, and why. */
const DEPARTURES: Record<string, string> = {
  // A GET a browser could send cross-site without a preflight header is refused (CSRF, docs/api.md "Transport"):
  // the audit's GETs carry none.
  '5A70': 'GET with form-encoded parameters needs the preflight header',
  D6D5: 'GET with URL-encoded variables needs the preflight header',
  '6A70': 'GET with URL-encoded variables needs the preflight header',
  // graphql-yoga answers a request error with 400 whatever the accepted type; clients read the errors either way.
  '572B': 'a document that does not parse is answered 400',
  FDE2: 'a document that does not validate is answered 400',
  '7B9B': 'variables that do not coerce are answered 400',
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function failure(audit: Audit): Promise<string | undefined> {
  const result = await audit.fn();
  if (result.status === 'ok') return undefined;
  const detail = 'reason' in result ? result.reason : '';
  const response = 'response' in result ? await result.response.text().catch(() => '') : '';
  return `${audit.id} ${result.status}: ${detail} ${response}`.trim();
}

describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  // The audits are listed before the server's URL is known: the URL is read when each audit runs.
  const audits = serverAudits({ url: () => `${server.url}/graphql` });

  for (const audit of audits.filter((candidate) => candidate.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      expect(await failure(audit)).toBeUndefined();
    });
  }

  it('meets every SHOULD and MAY but the departures it makes on purpose', async () => {
    const departed: string[] = [];
    for (const audit of audits.filter((candidate) => !candidate.name.startsWith('MUST'))) {
      const reason = await failure(audit);
      if (reason) departed.push(audit.id);
      if (reason) console.info(`${audit.name}: ${reason.slice(0, 200)}`);
    }
    expect(departed.sort()).toEqual(Object.keys(DEPARTURES).sort());
  });
});
