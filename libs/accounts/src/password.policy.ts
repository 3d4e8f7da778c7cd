import { DomainError } from '@bureaunet/contracts';

/** NIST SP 800-63B: a length floor, a generous ceiling (passphrases), no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Refuses a new password outside the length bounds, naming the bound (counted in characters, not bytes). */
export function checkNewPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    throw new DomainError('password-too-short', `a password needs at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH)
    throw new DomainError('password-too-long', `a password has at most ${PASSWORD_MAX_LENGTH} characters`);
}
