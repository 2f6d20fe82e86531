import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.js';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDateTime(value: unknown): Date {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
      ? new Date(value)
      : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw invalid(`DateTime must be an ISO-8601 instant such as "2025-06-15T00:00:00Z", not ${JSON.stringify(value)}`);
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, written in ISO-8601 (`2025-06-15T08:00:00.000Z`).',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDay(value: unknown): string {
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    if (new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) return value;
  }
  throw invalid(`Date must be a calendar day written YYYY-MM-DD, not ${JSON.stringify(value)}`);
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
