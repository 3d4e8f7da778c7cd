import { createDecipheriv, createHash, createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';

/** The parts of a general JWE (RFC 7516 §7.2.1) that the content decryption reads. */
export interface JweContent {
  protected: string;
  recipients: { header?: Record<string, unknown>; encrypted_key?: string }[];
  unprotected?: Record<string, unknown>;
  iv: string;
  ciphertext: string;
  tag: string;
  aad?: string;
}

const KEY_MANAGEMENT = 'ECDH-ES+A256KW';
const AES_KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

/** A256GCM content decryption with the message's content-encryption key (RFC 7516 §5.2 steps 14–16). */
export function decryptJweContent(jwe: JweContent, cek: Uint8Array): Buffer {
  const header = JSON.parse(Buffer.from(jwe.protected, 'base64url').toString('utf8')) as { enc?: unknown };
  if (header.enc !== 'A256GCM') throw new Error(`content enc is ${String(header.enc)}, not A256GCM`);
  if (cek.length !== 32) throw new Error('the content-encryption key is not 32 bytes');
  const aad = jwe.aad === undefined ? jwe.protected : `${jwe.protected}.${jwe.aad}`;
  const decipher = createDecipheriv('aes-256-gcm', cek, Buffer.from(jwe.iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'ascii'));
  decipher.setAuthTag(Buffer.from(jwe.tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(jwe.ciphertext, 'base64url')), decipher.final()]);
  } catch {
    throw new Error('the content does not decrypt with this key');
  }
}

/**
 * The CEK a recipient holds for one message: ECDH-ES with its X25519 key, Concat KDF and AES key
 * unwrap (RFC 7518 §4.6, §4.4). What a node exports with plaintext, never its long-term key.
 */
export function unwrapContentKey(jwe: JweContent, recipient: { kid: string; privateKey: KeyObject }): Buffer {
  const shared = { ...decodeHeader(jwe.protected), ...(jwe.unprotected ?? {}) };
  const entry = jwe.recipients.find((r) => ({ ...shared, ...(r.header ?? {}) }).kid === recipient.kid);
  if (!entry || entry.encrypted_key === undefined) throw new Error(`no JWE recipient entry for ${recipient.kid}`);
  const header = { ...shared, ...(entry.header ?? {}) };
  if (header.alg !== KEY_MANAGEMENT) throw new Error(`recipient alg is ${String(header.alg)}, not ${KEY_MANAGEMENT}`);
  const epk = createPublicKey({ key: header.epk as never, format: 'jwk' });
  const z = diffieHellman({ privateKey: recipient.privateKey, publicKey: epk });
  const kek = concatKdf(z, header.apu, header.apv);
  const decipher = createDecipheriv('id-aes256-wrap', kek, AES_KW_IV);
  return Buffer.concat([decipher.update(Buffer.from(entry.encrypted_key, 'base64url')), decipher.final()]);
}

function concatKdf(z: Buffer, apu: unknown, apv: unknown): Buffer {
  const lengthPrefixed = (bytes: Buffer): Buffer => Buffer.concat([u32(bytes.length), bytes]);
  const party = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : '', 'base64url');
  return createHash('sha256')
    .update(u32(1))
    .update(z)
    .update(lengthPrefixed(Buffer.from(KEY_MANAGEMENT, 'ascii')))
    .update(lengthPrefixed(party(apu)))
    .update(lengthPrefixed(party(apv)))
    .update(u32(256))
    .digest();
}

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

function decodeHeader(b64: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')) as Record<string, unknown>;
}
