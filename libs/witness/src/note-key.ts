import { createHash } from 'node:crypto';
import { ED25519_KEY_LENGTH } from './ed25519.raw-key';
import { decodeStrictBase64, isValidKeyName } from './signed-note';
import { WitnessError } from './witness.errors';

/** signed-note's signature type bytes this library speaks. */
export const NOTE_SIGNATURE_TYPE = { ed25519: 0x01, cosignatureV1: 0x04 } as const;
export type NoteSignatureType = (typeof NOTE_SIGNATURE_TYPE)[keyof typeof NOTE_SIGNATURE_TYPE];

export interface NotePublicKey {
  name: string;
  type: NoteSignatureType;
  /** 32-byte RFC 8032 Ed25519 public key, for both types. */
  publicKey: Buffer;
}

/** SHA-256(key name || 0x0A || signature type || public key)[:4], as a big-endian uint32. */
export function noteKeyId(key: NotePublicKey): number {
  assertKey(key);
  const digest = createHash('sha256')
    .update(key.name, 'utf8')
    .update(Buffer.from([0x0a, key.type]))
    .update(key.publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

/** `<name>+<hex key ID>+<base64(type || public key)>` — signed-note's verifier key. */
export function formatVerifierKey(key: NotePublicKey): string {
  const material = Buffer.concat([Buffer.from([key.type]), key.publicKey]).toString('base64');
  return `${key.name}+${hexKeyId(noteKeyId(key))}+${material}`;
}

export function parseVerifierKey(vkey: string): NotePublicKey & { keyId: number } {
  const parts = splitPlus(vkey, 3);
  if (parts.length !== 3) refuse(vkey, 'it is not <name>+<key ID>+<key>');
  const [name, hexId, encoded] = parts;
  return parseKeyParts(vkey, name, hexId, encoded);
}

/**
 * Go's golang.org/x/mod/sumdb/note signer key, `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>`:
 * the form its published vectors use. The seed is the 32-byte Ed25519 private key.
 */
export function parseSignerKey(skey: string): { name: string; type: NoteSignatureType; keyId: number; seed: Buffer } {
  const parts = splitPlus(skey, 5);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    refuse('a signer key', 'it is not PRIVATE+KEY+<name>+<key ID>+<key>');
  }
  const [, , name, hexId, encoded] = parts;
  const parsed = parseKeyMaterial(`signer key ${name}`, name, hexId, encoded);
  return { name, type: parsed.type, keyId: parsed.keyId, seed: parsed.material };
}

export function hexKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

function parseKeyParts(vkey: string, name: string, hexId: string, encoded: string): NotePublicKey & { keyId: number } {
  const { type, keyId, material } = parseKeyMaterial(`verifier key ${vkey}`, name, hexId, encoded);
  const key = { name, type, publicKey: material };
  if (noteKeyId(key) !== keyId) refuse(vkey, `key ID ${hexId} is not the hash of its name, type and key`);
  return { ...key, keyId };
}

function parseKeyMaterial(
  what: string,
  name: string,
  hexId: string,
  encoded: string,
): { type: NoteSignatureType; keyId: number; material: Buffer } {
  if (!isValidKeyName(name)) refuse(what, 'the key name is empty or has a space or plus');
  if (!/^[0-9a-f]{8}$/.test(hexId)) refuse(what, 'the key ID is not 8 lowercase hex digits');
  let bytes: Buffer;
  try {
    bytes = decodeStrictBase64('key', encoded);
  } catch {
    return refuse(what, 'the key is not canonical base64');
  }
  const type = bytes[0];
  if (type !== NOTE_SIGNATURE_TYPE.ed25519 && type !== NOTE_SIGNATURE_TYPE.cosignatureV1) {
    refuse(
      what,
      `signature type 0x${(type ?? 0).toString(16).padStart(2, '0')} is not Ed25519 (0x01) or cosignature/v1 (0x04)`,
    );
  }
  if (bytes.length !== 1 + ED25519_KEY_LENGTH)
    refuse(what, `the key has ${bytes.length - 1} bytes, not ${ED25519_KEY_LENGTH}`);
  return { type, keyId: parseInt(hexId, 16), material: bytes.subarray(1) };
}

/** At most `count` parts: the last, base64, may itself contain plus signs. */
function splitPlus(value: string, count: number): string[] {
  const parts = value.split('+');
  return parts.length <= count ? parts : [...parts.slice(0, count - 1), parts.slice(count - 1).join('+')];
}

function assertKey(key: NotePublicKey): void {
  if (!isValidKeyName(key.name)) refuse(key.name, 'the key name is empty or has a space or plus');
  if (key.publicKey.length !== ED25519_KEY_LENGTH) {
    refuse(key.name, `the public key has ${key.publicKey.length} bytes, not ${ED25519_KEY_LENGTH}`);
  }
}

function refuse(what: string, why: string): never {
  throw new WitnessError('malformed-key', `${what} refused: ${why}`);
}
