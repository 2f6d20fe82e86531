// Page sizes of every connection: a client asking for more than a page gets an error saying so, not a silently
// shorter page it might take for the whole list.
import { GraphQLError } from 'graphql';

export const MAX_PAGE = 100;

function checked(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE) {
    throw new GraphQLError(`${name} must be between 0 and ${MAX_PAGE}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** The page size `first` asks for, or the connection's default. */
export function pageSize(first: number | null | undefined, fallback: number): number {
  return first === null || first === undefined ? fallback : checked('first', first);
}

/** Refuses page arguments out of range, for the connections whose paging Pothos does. */
export function checkPageArguments(args: { first?: number | null; last?: number | null }): void {
  if (args.first !== null && args.first !== undefined) checked('first', args.first);
  if (args.last !== null && args.last !== undefined) checked('last', args.last);
}
