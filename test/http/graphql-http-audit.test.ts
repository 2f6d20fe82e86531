// The GraphQL over HTTP specification, as audited by the `graphql-http` package against the running server: every
// MUST passes (SHOULD and MAY results are printed, not required).
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  // The audits are listed before the server's URL is known: the URL is read when each audit runs.
  for (const audit of serverAudits({ url: () => `${server.url}/graphql` })) {
    const required = audit.name.startsWith('MUST');
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        const detail = 'reason' in result ? result.reason : '';
        const response = 'response' in result ? await result.response.text().catch(() => '') : '';
        if (required) throw new Error(`${audit.id}: ${detail}\n${response}`);
        console.info(`${audit.name}: ${result.status}: ${detail}`);
      }
      expect(['ok', ...(required ? [] : ['warn', 'notice', 'error'])]).toContain(result.status);
    });
  }
});
