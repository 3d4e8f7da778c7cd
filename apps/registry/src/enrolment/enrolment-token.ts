import { createHash } from 'node:crypto';
import { DomainError, type BureauCode } from '@bureaunet/contracts';

export const ENROLMENT_TOKEN_BYTES = 32;
export const ENROLMENT_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface StoredEnrolmentToken {
  code: BureauCode;
  expiresAt: Date;
  usedAt: Date | null;
}

export function hashEnrolmentToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Refuses a token that is unknown, used, meant for another bureau or expired, in that order. */
export function checkEnrolmentToken(stored: StoredEnrolmentToken | null, code: BureauCode, now: Date): void {
  if (!stored) throw enrolmentTokenInvalid();
  if (stored.usedAt)
    throw new DomainError('enrolment-token-used', 'the enrolment token has already been used', 'unauthorized');
  if (stored.code !== code)
    throw new DomainError(
      'enrolment-token-wrong-bureau',
      `the enrolment token was not issued for ${code}`,
      'unauthorized',
    );
  if (stored.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      'enrolment-token-expired',
      `the enrolment token expired at ${stored.expiresAt.toISOString()}`,
      'unauthorized',
    );
  }
}

export function enrolmentTokenInvalid(): DomainError {
  return new DomainError('enrolment-token-invalid', 'the enrolment token is missing or not known', 'unauthorized');
}
