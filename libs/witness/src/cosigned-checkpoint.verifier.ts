import type { Checkpoint } from './checkpoint';
import { cosignatureTimestamp, cosignatureVerifier } from './cosignature';
import { hexKeyId } from './note-key';
import { checkNoteSignatures } from './note.verifier';
import { openCheckpoint, type TrustedLog } from './signed-checkpoint';
import type { SignedNote } from './signed-note';
import { WitnessError } from './witness.errors';

/** A witness a client trusts: its cosigner name and 32-byte Ed25519 public key. */
export interface TrustedWitness {
  name: string;
  publicKey: Buffer;
}

export interface CosignedCheckpointPolicy {
  log: TrustedLog;
  witnesses: readonly TrustedWitness[];
  /** How many distinct trusted witnesses must have cosigned; at least 1. */
  quorum: number;
}

export interface WitnessCosignature {
  name: string;
  keyId: number;
  /** The witness's POSIX time in seconds when it cosigned. */
  timestamp: number;
}

export interface VerifiedCosignedCheckpoint {
  checkpoint: Checkpoint;
  /** Trusted witnesses whose cosignature verified, in note order. */
  cosigners: WitnessCosignature[];
  /** Trusted witnesses with no cosignature on this note. */
  missing: string[];
}

/**
 * A checkpoint a client may rely on: signed by the log, and cosigned by at least `quorum` of the
 * trusted witnesses. Unknown signature lines are ignored; a trusted key's failing line rejects the
 * note. Timestamps are reported, not judged: how old is too old is the caller's policy.
 */
export function verifyCosignedCheckpoint(
  note: string | Uint8Array,
  policy: CosignedCheckpointPolicy,
): VerifiedCosignedCheckpoint {
  const { witnesses, quorum } = policy;
  if (!Number.isSafeInteger(quorum) || quorum < 1 || quorum > witnesses.length) {
    throw new WitnessError(
      'bad-policy',
      `quorum ${quorum} must be between 1 and the ${witnesses.length} trusted witnesses`,
    );
  }
  const opened = openCheckpoint(note, policy.log);
  const { cosigners, missing } = checkCosigners(opened.note, witnesses);
  if (cosigners.length < quorum) {
    const signed = cosigners.map((c) => c.name).join(', ') || 'none';
    throw new WitnessError(
      'quorum-not-met',
      `${cosigners.length} of the required ${quorum} witnesses cosigned checkpoint ${opened.checkpoint.origin} ` +
        `at size ${opened.checkpoint.treeSize} (signed: ${signed}; missing: ${missing.join(', ')})`,
    );
  }
  return { checkpoint: opened.checkpoint, cosigners, missing };
}

/**
 * The trusted witnesses that cosigned a note's text, each counted once, and those that did not.
 * Unknown lines are ignored; a trusted key's failing line throws `bad-signature`. No quorum and
 * no judgement of the timestamps: that is the caller's policy (see verifyCosignedCheckpoint).
 */
export function checkCosigners(
  note: SignedNote,
  witnesses: readonly TrustedWitness[],
): Omit<VerifiedCosignedCheckpoint, 'checkpoint'> {
  const verifiers = witnesses.map(cosignatureVerifier);
  const { verified } = checkNoteSignatures(note, verifiers);
  const cosigners: WitnessCosignature[] = [];
  for (const { signature } of verified) {
    if (cosigners.some((c) => c.name === signature.name && c.keyId === signature.keyId)) continue;
    cosigners.push({ name: signature.name, keyId: signature.keyId, timestamp: cosignatureTimestamp(signature) });
  }
  const missing = verifiers
    .filter((v) => !cosigners.some((c) => c.name === v.name && c.keyId === v.keyId))
    .map((v) => `${v.name}+${hexKeyId(v.keyId)}`);
  return { cosigners, missing };
}
