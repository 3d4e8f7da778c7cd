import { sign, verify, type KeyObject } from 'node:crypto';
import { ed25519PublicKey, NOTE_SIGNATURE_TYPE, noteKeyId, type SignedNote } from './signed-note';

/** A witness the verifier knows: its key name and Ed25519 public key. */
export interface KnownWitness {
  name: string;
  publicKey: KeyObject | Uint8Array;
}

export interface CosignatureCount {
  /** Known witnesses whose cosignature verified, with its time (POSIX seconds). */
  verified: { name: string; timestamp: number }[];
  /** Known witnesses whose cosignature is present but wrong. */
  failed: { name: string; reason: string }[];
}

const MAX_TIMESTAMP = 2n ** 63n - 1n;

/** C2SP tlog-cosignature Ed25519 signed message: header, time line, then the whole note text. */
export function cosignedMessage(noteText: string, timestamp: number | bigint): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${BigInt(timestamp).toString()}\n${noteText}`, 'utf8');
}

/** A `cosignature/v1` line, as a witness makes it (here for tests; libs/witness is the witness side). */
export function signCosignature(noteText: string, name: string, privateKey: KeyObject, timestamp: number): string {
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, cosignedMessage(noteText, timestamp), privateKey);
  const keyId = noteKeyId(name, NOTE_SIGNATURE_TYPE.cosignatureV1, privateKey);
  return `\u2014 ${name} ${Buffer.concat([keyId, stamp, signature]).toString('base64')}\n`;
}

/** Checks the cosignature of every known witness present; lines of unknown keys are ignored. */
export function countCosignatures(note: SignedNote, witnesses: readonly KnownWitness[], now: Date): CosignatureCount {
  const result: CosignatureCount = { verified: [], failed: [] };
  for (const witness of witnesses) {
    const keyId = noteKeyId(witness.name, NOTE_SIGNATURE_TYPE.cosignatureV1, witness.publicKey);
    const lines = note.signatures.filter((s) => s.name === witness.name && s.keyId.equals(keyId));
    if (lines.length === 0) continue;
    const reasons = lines.map((line) => cosignatureProblem(note.text, line.signature, witness, now));
    const problem = reasons.find((reason) => reason !== undefined);
    if (problem) result.failed.push({ name: witness.name, reason: problem });
    else result.verified.push({ name: witness.name, timestamp: Number(lines[0]?.signature.readBigUInt64BE(0)) });
  }
  return result;
}

function cosignatureProblem(text: string, body: Buffer, witness: KnownWitness, now: Date): string | undefined {
  if (body.length !== 8 + 64) return 'is not a timestamped Ed25519 signature (72 bytes)';
  const timestamp = body.readBigUInt64BE(0);
  if (timestamp > MAX_TIMESTAMP) return 'has a timestamp beyond 2^63-1';
  if (timestamp * 1000n > BigInt(now.getTime())) return `is dated in the future (${timestamp})`;
  const ok = verify(null, cosignedMessage(text, timestamp), ed25519PublicKey(witness.publicKey), body.subarray(8));
  return ok ? undefined : 'does not verify';
}
