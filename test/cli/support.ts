// What the tests of the `reclaim` command share: the totals they read from a server and the command's JSON lines.
import { graphql } from '../gql/index.js';

export const CliTotals = graphql(`
  query CliTotals($asOf: DateTime) {
    viewer { name region totals(asOf: $asOf) { missingUnits claimableUnits expiredUnits reimbursable { amount currency } } }
  }
`);

/** The JSON lines a command printed (one per result), without the rest of its output. */
export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
