// Expected failures are data: each mutation returns a union of its success type and the error types it can give,
// all implementing `interface Error { code message }` (docs/api.md, Mutations).
import type { ObjectRef } from '@pothos/core';
import { DomainError, type ErrorCode, type Refusal } from '../domain/errors.js';
import { type BuilderTypes, builder } from './builder.js';

/**
 * An expected failure as a result value. Not an Error: graphql-js turns a returned Error into a field error,
 * and these must reach the client as members of the result union.
 */
export class ErrorResult {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}

  static of(refused: Refusal): ErrorResult {
    return new ErrorResult(refused.code, refused.message);
  }
}

/** Runs a mutation, turning the domain's expected failures into results; anything else stays an error. */
export async function resultOf<T>(work: () => Promise<T | ErrorResult>): Promise<T | ErrorResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) return new ErrorResult(error.code, error.message);
    throw error;
  }
}

export const ErrorInterface = builder.interfaceRef<ErrorResult>('Error').implement({
  description: 'An expected failure of a mutation.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable and machine-readable: clients act on it.' }),
    message: t.exposeString('message', { description: 'For people: what went wrong, and where.' }),
  }),
});

export const DomainErrorType = builder.objectRef<ErrorResult>('DomainError').implement({
  description: 'An expected failure; `code` says which (docs/api.md lists the codes of each mutation).',
  interfaces: [ErrorInterface],
});

/** A more specific error type: an ObjectRef and its class (a subclass of ErrorResult). */
export interface ErrorMember {
  ref: ObjectRef<BuilderTypes, never>;
  is(value: unknown): boolean;
}

/** The result union of a mutation: its success type, DomainError, and any more specific error types. */
export function resultUnion<Shape extends object>(
  name: string,
  success: ObjectRef<BuilderTypes, Shape>,
  errors: ErrorMember[] = [],
) {
  return builder.unionType(name, {
    types: [success, DomainErrorType, ...errors.map((error) => error.ref)],
    resolveType: (value) => {
      const specific = errors.find((error) => error.is(value));
      if (specific) return specific.ref;
      return value instanceof ErrorResult ? DomainErrorType : success;
    },
  });
}
