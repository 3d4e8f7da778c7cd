import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { WitnessError } from './witness.errors';

// RFC 8410 DER prefixes: notes carry Ed25519 keys as RFC 8032's raw 32 bytes, node:crypto wants DER.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const ED25519_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  assertLength('Ed25519 public key', raw);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  assertLength('Ed25519 private key seed', seed);
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The 32-byte RFC 8032 encoding of an Ed25519 public key (or of a private key's public half). */
export function rawEd25519PublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new WitnessError(
      'malformed-key',
      `expected an Ed25519 key, got ${publicKey.asymmetricKeyType ?? 'a symmetric key'}`,
    );
  }
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

function assertLength(what: string, bytes: Uint8Array): void {
  if (bytes.length !== ED25519_KEY_LENGTH) {
    throw new WitnessError('malformed-key', `${what} must be ${ED25519_KEY_LENGTH} bytes, got ${bytes.length}`);
  }
}
