/**
 * An expected failure, with a stable code clients can act on (docs/api.md lists them per mutation). The schema turns it
 * into a member of the mutation's result union; anything else that is thrown stays an unexpected, masked error.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
