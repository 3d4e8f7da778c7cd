import { DomainError } from '@bureaunet/contracts';

/** Stable reasons a time-stamp request, response or token is refused. */
export const TIMESTAMP_ERROR_CODES = [
  'too-large',
  'malformed',
  'not-granted',
  'unsupported-algorithm',
  'bad-signature',
  'bad-signed-attributes',
  'untrusted-signer',
  'bad-key-usage',
  'wrong-imprint',
  'wrong-nonce',
] as const;

export type TimestampErrorCode = (typeof TIMESTAMP_ERROR_CODES)[number];

/** A refused time-stamp response or token; the message names the check that failed. */
export class TimestampError extends DomainError {
  override readonly name: string = 'TimestampError';

  constructor(
    override readonly code: TimestampErrorCode,
    message: string,
  ) {
    super(code, message, 'invalid');
  }
}
