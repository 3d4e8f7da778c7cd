import { createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { unwrapKeyAes256, wrapKeyAes256 } from './aes-key-wrap';
import { concatKdf, concatKdfOtherInfo } from './concat-kdf';
import { JWE_KEY_MANAGEMENT_ALGORITHM } from './jose-algorithms';

/** A256KW's key-encryption key, and the A256GCM content key it wraps. */
export const KEK_BITS = 256;

/** An ephemeral X25519 public key as the JWE epk member carries it (RFC 8037 section 2). */
export interface X25519PublicJwk {
  x: string;
  crv: 'X25519';
  kty: 'OKP';
}

// Without apu/apv (bureaunet never sets them) OtherInfo is the same for every recipient.
const DEFAULT_OTHER_INFO = concatKdfOtherInfo(JWE_KEY_MANAGEMENT_ALGORITHM, KEK_BITS);

/**
 * ECDH-ES+A256KW (RFC 7518 section 4.6, X25519 per RFC 8037): a fresh ephemeral key per
 * recipient, Concat KDF of the shared secret into a KEK, RFC 3394 wrap of the CEK.
 */
export function wrapCekForRecipient(
  recipientKey: KeyObject,
  cek: Uint8Array,
): { encryptedKey: Buffer; epk: X25519PublicJwk } {
  // Synchronous: no thread-pool hop per recipient. The public half comes encoded by the key
  // generation job itself: on Node 20.20, exporting it afterwards (KeyObject.export) can deadlock
  // when a GC under the export's key lock finalizes that job, which takes the same lock.
  const ephemeral = generateKeyPairSync('x25519', { publicKeyEncoding: { format: 'jwk' } });
  const kek = deriveKeyEncryptionKey(ephemeral.privateKey, recipientKey, DEFAULT_OTHER_INFO);
  const x = (ephemeral.publicKey as { x?: unknown }).x;
  if (typeof x !== 'string') throw new TypeError('X25519 key generation returned no public x');
  return { encryptedKey: wrapKeyAes256(kek, cek), epk: { x, crv: 'X25519', kty: 'OKP' } };
}

/**
 * The recipient's half: the caller has already checked epk's shape and x's length, and decoded
 * apu/apv. Throws when the agreement or the unwrap fails (wrong key, tampered entry).
 */
export function unwrapCekFromSender(
  privateKey: KeyObject,
  epkX: string,
  encryptedKey: Uint8Array,
  partyInfo: { apu?: Uint8Array; apv?: Uint8Array } = {},
): Buffer {
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: epkX }, format: 'jwk' });
  const otherInfo =
    partyInfo.apu || partyInfo.apv
      ? concatKdfOtherInfo(JWE_KEY_MANAGEMENT_ALGORITHM, KEK_BITS, partyInfo.apu, partyInfo.apv)
      : DEFAULT_OTHER_INFO;
  return unwrapKeyAes256(deriveKeyEncryptionKey(privateKey, publicKey, otherInfo), encryptedKey);
}

/** Z = X25519(privateKey, publicKey), then Concat KDF to the 256-bit KEK (RFC 7518 section 4.6.2). */
export function deriveKeyEncryptionKey(privateKey: KeyObject, publicKey: KeyObject, otherInfo: Uint8Array): Buffer {
  return concatKdf(diffieHellman({ privateKey, publicKey }), otherInfo, KEK_BITS);
}
