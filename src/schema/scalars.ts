import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.js';

/**
 * An id as the API hands them out: digits only, without a leading zero (Number() would read "0x1", "1e0", " 1" and
 * "+1" as 1). Undefined for anything else.
 */
export function strictId(id: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(id)) return undefined;
  const number = Number(id);
  return Number.isSafeInteger(number) ? number : undefined;
}

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'INVALID_INPUT' } });
}

// Years Reclaim can store and reason about: PostgreSQL has no year 0, and no seller's data predates 1900.
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** Whether YYYY-MM-DD is a day of the calendar (no 2025-02-30 rolled over into March) within the years above. */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value) : null;
  const date = match && isCalendarDay(match[1]!) ? new Date(value as string) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw invalid(
      `DateTime must be an ISO-8601 instant such as "2025-06-15T00:00:00Z" (a real day, years ${FIRST_YEAR} to ${LAST_YEAR}), not ${JSON.stringify(value)}`,
    );
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, written in ISO-8601 (`2025-06-15T08:00:00.000Z`).',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDay(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDay(value)) return value;
  throw invalid(
    `Date must be a calendar day written YYYY-MM-DD (years ${FIRST_YEAR} to ${LAST_YEAR}), not ${JSON.stringify(value)}`,
  );
}

builder.scalarType('Date', {
  description: 'A calendar day, `YYYY-MM-DD` (UTC).',
  serialize: (value) => value,
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request specification.',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
