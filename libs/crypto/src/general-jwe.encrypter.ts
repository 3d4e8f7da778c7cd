import { randomBytes, type KeyObject } from 'node:crypto';
import type { GeneralJwe } from '@bureaunet/contracts';
import { encryptAes256Gcm, GCM_IV_BYTES } from './aes-gcm';
import { KEK_BITS, wrapCekForRecipient } from './ecdh-es-key-wrap';

export interface JweRecipientEntry {
  /** X25519 public key. */
  key: KeyObject;
  /** The entry's own unprotected header (alg, kid, bn_to); epk is added here. */
  header: Record<string, unknown>;
}

/**
 * RFC 7516 general JSON serialization with ECDH-ES+A256KW and A256GCM: one random CEK and IV,
 * one content encryption under AAD = ASCII(BASE64URL(protected)), one wrapped CEK per recipient.
 * As jose does, a lone recipient's epk goes in the protected header, where the AAD covers it.
 */
export function encryptGeneralJwe(
  plaintext: Uint8Array,
  protectedHeader: Record<string, unknown>,
  recipients: readonly JweRecipientEntry[],
): GeneralJwe {
  if (recipients.length === 0) throw new TypeError('a JWE needs at least one recipient');
  recipients.forEach((recipient) => assertDisjoint(protectedHeader, recipient.header));
  const cek = randomBytes(KEK_BITS >> 3);
  const iv = randomBytes(GCM_IV_BYTES);
  const wrapped = recipients.map((recipient) => wrapCekForRecipient(recipient.key, cek));
  const single = wrapped.length === 1;
  const header = single ? { ...protectedHeader, epk: wrapped[0]?.epk } : protectedHeader;
  const protectedB64 = Buffer.from(JSON.stringify(header), 'utf8').toString('base64url');
  const { ciphertext, tag } = encryptAes256Gcm(cek, iv, plaintext, Buffer.from(protectedB64, 'ascii'));
  return {
    protected: protectedB64,
    recipients: recipients.map((recipient, index) => {
      const { encryptedKey, epk } = wrapped[index];
      return {
        encrypted_key: encryptedKey.toString('base64url'),
        header: single ? { ...recipient.header } : { ...recipient.header, epk },
      };
    }),
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: tag.toString('base64url'),
  };
}

// RFC 7516 section 7.2.1: header members must be disjoint; a clash here is the caller's bug.
function assertDisjoint(protectedHeader: Record<string, unknown>, recipientHeader: Record<string, unknown>): void {
  for (const name of Object.keys(recipientHeader)) {
    if (name in protectedHeader || name === 'epk') {
      throw new TypeError(`JWE header member ${name} is set twice (protected and recipient header)`);
    }
  }
}
