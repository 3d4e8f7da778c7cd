import { createHash } from 'node:crypto';
import type { FlattenedJws } from '@bureaunet/contracts';

/**
 * base64url(SHA-256) of the RFC 7515 signing input (protected "." payload): exactly what was
 * signed, so the digest does not change with the JSON whitespace around the envelope.
 */
export function envelopeDigest(jws: Pick<FlattenedJws, 'protected' | 'payload'>): string {
  return createHash('sha256').update(`${jws.protected}.${jws.payload}`, 'ascii').digest('base64url');
}
