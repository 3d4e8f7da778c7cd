import { sign, verify, type KeyObject } from 'node:crypto';
import { ED25519_SIGNATURE_LENGTH, ed25519PublicKeyFromRaw, rawEd25519PublicKey } from './ed25519.raw-key';
import { NOTE_SIGNATURE_TYPE, noteKeyId } from './note-key';
import type { NoteSigner } from './note.signer';
import type { NoteVerifier } from './note.verifier';
import type { NoteSignature } from './signed-note';
import { WitnessError } from './witness.errors';

/**
 * C2SP tlog-cosignature, Ed25519 `cosignature/v1` (signature type 0x04). The signature bytes are
 * uint64 timestamp || Ed25519 signature over "cosignature/v1\ntime <timestamp>\n" || checkpoint text.
 */
const COSIGNATURE_LENGTH = 8 + ED25519_SIGNATURE_LENGTH;

export function cosignatureMessage(timestamp: number, checkpointText: string): Buffer {
  assertTimestamp(timestamp);
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`, 'utf8');
}

/** SHA-256(name || "\n" || 0x04 || public key)[:4]. */
export function cosignatureKeyId(name: string, publicKey: Buffer): number {
  return noteKeyId({ name, type: NOTE_SIGNATURE_TYPE.cosignatureV1, publicKey });
}

/** The cosigner's POSIX time in seconds; refuses a signature that is not a cosignature/v1 one. */
export function cosignatureTimestamp(signature: NoteSignature): number {
  if (signature.signature.length !== COSIGNATURE_LENGTH) {
    throw new WitnessError(
      'bad-signature',
      `the cosignature of ${signature.name} has ${signature.signature.length} bytes, not ${COSIGNATURE_LENGTH}`,
    );
  }
  const timestamp = signature.signature.readBigUInt64BE(0);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new WitnessError(
      'bad-signature',
      `the cosignature of ${signature.name} has timestamp ${timestamp}, beyond 2^53 - 1`,
    );
  }
  return Number(timestamp);
}

/** A cosigner's signer; `now` gives POSIX seconds and is read at each signature. */
export function cosignatureSigner(name: string, privateKey: KeyObject, now: () => number): NoteSigner {
  const keyId = cosignatureKeyId(name, rawEd25519PublicKey(privateKey));
  return {
    name,
    keyId,
    sign(text) {
      const timestamp = now();
      const message = cosignatureMessage(timestamp, text.toString('utf8'));
      const prefix = Buffer.alloc(8);
      prefix.writeBigUInt64BE(BigInt(timestamp));
      return Buffer.concat([prefix, sign(null, message, privateKey)]);
    },
  };
}

export function cosignatureVerifier(key: { name: string; publicKey: Buffer }): NoteVerifier {
  const keyId = cosignatureKeyId(key.name, key.publicKey);
  const publicKey = ed25519PublicKeyFromRaw(key.publicKey);
  return {
    name: key.name,
    keyId,
    verify(text, signature) {
      if (signature.length !== COSIGNATURE_LENGTH) return false;
      const timestamp = signature.readBigUInt64BE(0);
      // The spec caps timestamps at 2^63 - 1; seconds beyond 2^53 - 1 are refused here as well.
      if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      const message = cosignatureMessage(Number(timestamp), text.toString('utf8'));
      return verify(null, message, publicKey, signature.subarray(8));
    },
  };
}

function assertTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new WitnessError('bad-signature', `cosignature timestamp ${timestamp} is not a non-negative safe integer`);
  }
}
