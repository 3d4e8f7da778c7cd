import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@bureaunet/contracts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Methods that change state: a cookie-authenticated one must carry the session's CSRF token. */
export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** The presented token equals the session's, compared in constant time (over digests: equal lengths). */
export function csrfTokensMatch(expected: string, presented: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(presented));
}

/** The x-csrf-token header's value must be the session's: 403 csrf-missing or csrf-invalid otherwise. */
export function requireCsrfToken(expected: string, presented: string | string[] | undefined): void {
  if (typeof presented !== 'string' || presented === '')
    throw new DomainError('csrf-missing', 'send the session’s CSRF token in x-csrf-token', 'forbidden');
  if (!csrfTokensMatch(expected, presented))
    throw new DomainError('csrf-invalid', 'x-csrf-token is not this session’s CSRF token', 'forbidden');
}
