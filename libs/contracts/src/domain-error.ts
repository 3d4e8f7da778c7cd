/**
 * An expected refusal with a stable code. Services throw it; one filter per edge maps it to HTTP
 * (by kind) or to {code, reason} on the wire. Services never throw HTTP exceptions.
 */
export type DomainErrorKind =
  'invalid' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable' | 'too-large';

export class DomainError extends Error {
  override readonly name: string = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
  ) {
    super(message);
  }
}
