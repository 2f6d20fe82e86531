// Expected failures are data: each mutation returns a union of its success type and the error types it can give,
// all implementing `interface Error { code message }` (API.md, Mutations).
import type { ObjectRef } from '@pothos/core';
import { DomainError } from '../domain/errors.js';
import { type BuilderTypes, builder } from './builder.js';

export const ErrorInterface = builder.interfaceRef<{ code: string; message: string }>('Error').implement({
  description: 'An expected failure of a mutation.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable and machine-readable: clients act on it.' }),
    message: t.exposeString('message', { description: 'For people: what went wrong, and where.' }),
  }),
});

export const DomainErrorType = builder.objectRef<DomainError>('DomainError').implement({
  description: 'An expected failure; `code` says which (API.md lists the codes of each mutation).',
  interfaces: [ErrorInterface],
});

/** A more specific error type: an ObjectRef and how to recognise its values. */
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
      return value instanceof DomainError ? DomainErrorType : success;
    },
  });
}
