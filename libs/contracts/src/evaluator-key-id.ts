import { createHash } from 'node:crypto';

/** How a log or an answer names an evaluator key: the first 16 hex characters of SHA-256(public key). */
export function evaluatorKeyId(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 16);
}
