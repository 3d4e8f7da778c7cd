import { CryptoError } from './crypto.errors';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Strict decode: Buffer's own decoder skips invalid characters and ignores stray bits, so the
 * round trip is what proves the text is the one canonical encoding of its bytes.
 */
export function decodeBase64url(value: string, what: string): Uint8Array {
  const bytes = BASE64URL.test(value) ? Buffer.from(value, 'base64url') : undefined;
  if (!bytes || bytes.toString('base64url') !== value) {
    throw new CryptoError('malformed-envelope', `${what}: is not canonical base64url`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
