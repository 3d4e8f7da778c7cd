import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** C2SP signed-note: the text (with its final newline) and its signature lines. */
export interface SignedNote {
  text: string;
  signatures: NoteSignature[];
}

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  /** The bytes after the 4-byte key ID. */
  signature: Buffer;
}

/** Signature type bytes from the signed-note registry. */
export const NOTE_SIGNATURE_TYPE = { ed25519: 0x01, cosignatureV1: 0x04 } as const;

// The spec requires accepting at least 16; more is refused rather than verified one by one.
export const MAX_NOTE_SIGNATURES = 64;
const SIGNATURE_LINE = /^\u2014 ([^\s+]+) ([A-Za-z0-9+/]+={0,2})$/u;

export function parseSignedNote(note: string): SignedNote {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new Error('note holds control characters other than newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new Error(`note has more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line, index) => {
    const match = SIGNATURE_LINE.exec(line);
    const bytes = match ? Buffer.from(match[2] ?? '', 'base64') : Buffer.alloc(0);
    if (!match || bytes.length < 5 || bytes.toString('base64') !== match[2])
      throw new Error(`note signature line ${index + 1} is not "— <name> <base64(key ID || signature)>"`);
    return { name: match[1] ?? '', keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  if (signatures.length === 0) throw new Error('note has no signature');
  return { text, signatures };
}

/** SHA-256(name || 0x0A || type || 32-byte Ed25519 public key)[:4]. */
export function noteKeyId(name: string, type: number, publicKey: KeyObject | Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from(`${name}\n`, 'utf8'))
    .update(Buffer.of(type))
    .update(rawEd25519PublicKey(publicKey))
    .digest()
    .subarray(0, 4);
}

export function rawEd25519PublicKey(key: KeyObject | Uint8Array): Buffer {
  if (key instanceof Uint8Array) {
    if (key.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
    return Buffer.from(key);
  }
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('the key is not Ed25519');
  return Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
}

export function ed25519PublicKey(key: KeyObject | Uint8Array): KeyObject {
  const x = rawEd25519PublicKey(key).toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** The signature line of an Ed25519 (type 0x01) note signature over `text`. */
export function signNoteEd25519(text: string, name: string, privateKey: KeyObject): string {
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  const keyId = noteKeyId(name, NOTE_SIGNATURE_TYPE.ed25519, privateKey);
  return `\u2014 ${name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

/**
 * The note must carry a signature whose name and key ID both match the key, and every such
 * signature must verify (unknown keys are ignored, as the spec requires).
 */
export function assertNoteSignedEd25519(note: SignedNote, name: string, publicKey: KeyObject | Uint8Array): void {
  const keyId = noteKeyId(name, NOTE_SIGNATURE_TYPE.ed25519, publicKey);
  const mine = note.signatures.filter((s) => s.name === name && s.keyId.equals(keyId));
  if (mine.length === 0) throw new Error(`note carries no signature by ${name}`);
  const key = ed25519PublicKey(publicKey);
  for (const candidate of mine) {
    if (candidate.signature.length !== 64 || !verify(null, Buffer.from(note.text, 'utf8'), key, candidate.signature))
      throw new Error(`note signature by ${name} does not verify`);
  }
}
