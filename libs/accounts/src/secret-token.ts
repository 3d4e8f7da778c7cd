import { createHash, randomBytes } from 'node:crypto';

/** The prefix of a personal API token, so scanners and people can tell one at a glance. */
export const PERSONAL_TOKEN_PREFIX = 'bnp_';

// 32 random bytes: 43 base64url characters.
const SECRET_BYTES = 32;
const PERSONAL_TOKEN = /^bnp_[A-Za-z0-9_-]{43}$/;

/** A fresh secret (session cookie, sign-in link, CSRF token): 256 random bits, base64url. */
export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** A personal API token as the person sees it once: bnp_<43 base64url characters>. */
export function newPersonalToken(): string {
  return `${PERSONAL_TOKEN_PREFIX}${newSecret()}`;
}

export function isPersonalToken(token: string): boolean {
  return PERSONAL_TOKEN.test(token);
}

/** What is stored in place of a secret: SHA-256, hex. The secrets are random, so no salt or stretching is needed. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
