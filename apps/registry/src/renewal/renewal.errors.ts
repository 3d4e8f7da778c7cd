import { DomainError } from '@bureaunet/contracts';

/** Every renewal refusal is 'unauthorized' or 'invalid' with its own code; the remedy is in the message. */
export const renewalRefused = (code: string, reason: string): DomainError =>
  new DomainError(code, reason, 'unauthorized');

export const RENEWAL_REQUEST_MAX_SKEW_MS = 5 * 60 * 1000;
