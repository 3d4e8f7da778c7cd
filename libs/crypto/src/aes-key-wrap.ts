import { createCipheriv, createDecipheriv } from 'node:crypto';

// RFC 3394 section 2.2.3.1: the default initial value, checked again on unwrap (integrity).
const DEFAULT_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

/** RFC 3394 AES key wrap with a 256-bit key-encryption key (JWA "A256KW"). */
export function wrapKeyAes256(kek: Uint8Array, keyData: Uint8Array): Buffer {
  const cipher = createCipheriv('id-aes256-wrap', kek, DEFAULT_IV);
  return Buffer.concat([cipher.update(keyData), cipher.final()]);
}

/** Throws when the wrapped key fails RFC 3394's integrity check (wrong KEK or tampered bytes). */
export function unwrapKeyAes256(kek: Uint8Array, wrapped: Uint8Array): Buffer {
  const decipher = createDecipheriv('id-aes256-wrap', kek, DEFAULT_IV);
  return Buffer.concat([decipher.update(wrapped), decipher.final()]);
}
