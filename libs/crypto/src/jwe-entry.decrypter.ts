import type { KeyObject } from 'node:crypto';
import type { GeneralJwe } from '@bureaunet/contracts';
import { decryptAes256Gcm, GCM_IV_BYTES, GCM_TAG_BYTES } from './aes-gcm';
import { decodeBase64url } from './base64url';
import { CryptoError } from './crypto.errors';
import { KEK_BITS, unwrapCekFromSender } from './ecdh-es-key-wrap';
import { JWE_CONTENT_ENCRYPTION_ALGORITHM, JWE_KEY_MANAGEMENT_ALGORITHM } from './jose-algorithms';
import { parseJsonObject } from './utf8-json.decoder';

/** One recipient's view of a general JWE: the shared members plus its own entry (RFC 7516 section 7.2.2). */
export type JweEntry = Omit<GeneralJwe, 'recipients'> & GeneralJwe['recipients'][number];

type Header = Record<string, unknown>;

// AES-KW output for a 256-bit CEK: the key plus one 64-bit integrity block.
const WRAPPED_CEK_BYTES = (KEK_BITS >> 3) + 8;
const X25519_KEY_BYTES = 32;
// JWK members that would make epk a private key (jose refuses the same list).
const PRIVATE_JWK_MEMBERS = ['d', 'k', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];
const EPK_MEMBERS = new Set(['kty', 'crv', 'x']);

/**
 * Decrypts one entry with node:crypto. Every refusal jose's flattenedDecrypt makes happens first,
 * on the untrusted members, before any key agreement; a refusal is a 'bad-content' CryptoError.
 */
export function decryptJweEntry(entry: JweEntry, privateKey: KeyObject): Buffer {
  const checked = checkJweEntry(entry);
  const cek = unwrapCek(privateKey, checked);
  try {
    return decryptAes256Gcm(cek, checked.iv, checked.ciphertext, checked.tag, checked.aad);
  } catch {
    throw refusal('the content does not authenticate (A256GCM tag mismatch)');
  }
}

interface CheckedEntry {
  epkX: string;
  apu?: Uint8Array;
  apv?: Uint8Array;
  encryptedKey: Uint8Array;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
  aad: Buffer;
}

function checkJweEntry(entry: JweEntry): CheckedEntry {
  const protectedB64 = requireString(entry.protected, 'protected', { nonEmpty: true });
  const protectedHeader = parseJsonObject(decodeMember(protectedB64, 'protected'), 'protected header', 'bad-content');
  const unprotected = optionalHeader(entry.unprotected, 'unprotected');
  const header = optionalHeader(entry.header, 'header');
  const ivB64 = requireString(entry.iv, 'iv', { nonEmpty: true });
  const ciphertextB64 = requireString(entry.ciphertext, 'ciphertext', { nonEmpty: false });
  const tagB64 = requireString(entry.tag, 'tag', { nonEmpty: true });
  const aadB64 = entry.aad === undefined ? undefined : requireString(entry.aad, 'aad', { nonEmpty: true });
  const encryptedKeyB64 = requireString(entry.encrypted_key, 'encrypted_key', { nonEmpty: true });
  const joseHeader = mergeDisjoint([protectedHeader, unprotected, header]);
  if ('crit' in joseHeader) throw refusal('crit names extensions bureaunet does not understand');
  if ('zip' in joseHeader) throw refusal('zip is refused: compressed content is not accepted');
  if (joseHeader['alg'] !== JWE_KEY_MANAGEMENT_ALGORITHM) {
    throw refusal(`alg ${JSON.stringify(joseHeader['alg'])} is not allowed`);
  }
  if (joseHeader['enc'] !== JWE_CONTENT_ENCRYPTION_ALGORITHM) {
    throw refusal(`enc ${JSON.stringify(joseHeader['enc'])} is not allowed`);
  }
  const partyInfo = checkPartyInfo(joseHeader);
  if (aadB64 !== undefined) decodeMember(aadB64, 'aad');
  return {
    epkX: checkEpk(joseHeader['epk']),
    ...partyInfo,
    encryptedKey: decodeExactly(encryptedKeyB64, 'encrypted_key', WRAPPED_CEK_BYTES),
    iv: decodeExactly(ivB64, 'iv', GCM_IV_BYTES),
    ciphertext: decodeMember(ciphertextB64, 'ciphertext'),
    tag: decodeExactly(tagB64, 'tag', GCM_TAG_BYTES),
    // RFC 7516 section 5.1 step 14: ASCII(BASE64URL(protected) [ '.' BASE64URL(aad) ]).
    aad: Buffer.from(aadB64 === undefined ? protectedB64 : `${protectedB64}.${aadB64}`, 'ascii'),
  };
}

function unwrapCek(privateKey: KeyObject, checked: CheckedEntry): Buffer {
  try {
    const partyInfo = { ...(checked.apu && { apu: checked.apu }), ...(checked.apv && { apv: checked.apv }) };
    return unwrapCekFromSender(privateKey, checked.epkX, checked.encryptedKey, partyInfo);
  } catch {
    // One message for a wrong key, a degenerate epk and a tampered wrap: no oracle between them.
    throw refusal('the content key does not unwrap (ECDH-ES+A256KW)');
  }
}

function checkEpk(epk: unknown): string {
  if (!isPlainObject(epk) || PRIVATE_JWK_MEMBERS.some((member) => Object.hasOwn(epk, member))) {
    throw refusal('epk: must be a public JWK');
  }
  if (epk['kty'] !== 'OKP' || epk['crv'] !== 'X25519') throw refusal('epk: must be an OKP X25519 key');
  // Only what an honest sender puts there: anything more could steer a JWK importer.
  const extra = Object.keys(epk).filter((member) => !EPK_MEMBERS.has(member));
  if (extra.length > 0) throw refusal(`epk: unexpected members ${extra.join(', ')}`);
  const x = requireString(epk['x'], 'epk.x', { nonEmpty: true });
  decodeExactly(x, 'epk.x', X25519_KEY_BYTES);
  return x;
}

function checkPartyInfo(joseHeader: Header): { apu?: Uint8Array; apv?: Uint8Array } {
  const apu = optionalPartyInfo(joseHeader['apu'], 'apu');
  const apv = optionalPartyInfo(joseHeader['apv'], 'apv');
  if (apu && apv && Buffer.from(apu).equals(apv)) throw refusal('apu and apv must be distinct');
  return { ...(apu && { apu }), ...(apv && { apv }) };
}

function optionalPartyInfo(value: unknown, name: string): Uint8Array | undefined {
  if (value === undefined) return undefined;
  return decodeMember(requireString(value, name, { nonEmpty: false }), name);
}

function mergeDisjoint(headers: Array<Header | undefined>): Header {
  const merged: Header = {};
  for (const header of headers) {
    if (!header) continue;
    for (const [name, value] of Object.entries(header)) {
      if (Object.hasOwn(merged, name)) throw refusal(`header member ${name} appears in more than one header`);
      merged[name] = value;
    }
  }
  return merged;
}

function optionalHeader(value: unknown, name: string): Header | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw refusal(`${name}: must be a JSON object`);
  return value;
}

function requireString(value: unknown, name: string, options: { nonEmpty: boolean }): string {
  if (typeof value !== 'string' || (options.nonEmpty && value.length === 0)) {
    throw refusal(`${name}: must be a ${options.nonEmpty ? 'non-empty ' : ''}string`);
  }
  return value;
}

function decodeExactly(value: string, name: string, bytes: number): Uint8Array {
  const decoded = decodeMember(value, name);
  if (decoded.byteLength !== bytes) throw refusal(`${name}: must be ${bytes * 8} bits, got ${decoded.byteLength * 8}`);
  return decoded;
}

function decodeMember(value: string, name: string): Uint8Array {
  try {
    return decodeBase64url(value, name);
  } catch {
    throw refusal(`${name}: is not canonical base64url`);
  }
}

function isPlainObject(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === null || prototype === Object.prototype;
}

function refusal(message: string): CryptoError {
  return new CryptoError('bad-content', message);
}
