import { MerkleProofError, verifyConsistency, type TreeHead } from '@bureaunet/ledger';
import {
  NOTE_SIGNATURE_TYPE,
  openCheckpoint,
  parseVerifierKey,
  trustedWitnessFromKey,
  verifierFromKey,
  verifyCosignedCheckpoint,
  WitnessError,
  type CosignedCheckpointPolicy,
  type TrustedLog,
  type VerifiedCosignedCheckpoint,
} from '@bureaunet/witness';
import { UsageError, VerificationFailure } from './audit.errors';
import type { LedgerClient } from './ledger.client';

/** What the auditor requires of a checkpoint: --log-key, --witness (repeatable), --quorum. */
export interface CheckpointRequirement {
  logKey: string;
  witnesses: string[];
  /** Default: every witness given. */
  quorum?: number;
}

/** The policy from the command line; a bad vkey or quorum is a usage error naming it. */
export function checkpointPolicy(
  requirement: CheckpointRequirement,
): { log: TrustedLog } & Partial<CosignedCheckpointPolicy> {
  const log = asUsage('--log-key', () => {
    const key = parseVerifierKey(requirement.logKey);
    if (key.type !== NOTE_SIGNATURE_TYPE.ed25519)
      throw new WitnessError('bad-policy', 'it is not an Ed25519 (0x01) key');
    return { origin: key.name, verifiers: [verifierFromKey(requirement.logKey)] };
  });
  const witnesses = requirement.witnesses.map((vkey) => asUsage('--witness', () => trustedWitnessFromKey(vkey)));
  const quorum = requirement.quorum ?? witnesses.length;
  if (witnesses.length > 0 && (quorum < 1 || quorum > witnesses.length))
    throw new UsageError(`--quorum ${quorum} must be between 1 and the ${witnesses.length} --witness keys`);
  if (witnesses.length === 0 && requirement.quorum !== undefined)
    throw new UsageError('--quorum needs at least one --witness');
  return witnesses.length === 0 ? { log } : { log, witnesses, quorum };
}

/**
 * The checkpoint is signed by the log's key and cosigned by the quorum (without witnesses: the log's
 * signature only). A failure is a verification failure naming who signed and who is missing.
 */
export function checkCheckpoint(note: string, policy: ReturnType<typeof checkpointPolicy>): VerifiedCosignedCheckpoint {
  try {
    if (!policy.witnesses)
      return { checkpoint: openCheckpoint(note, policy.log).checkpoint, cosigners: [], missing: [] };
    return verifyCosignedCheckpoint(note, { log: policy.log, witnesses: policy.witnesses, quorum: policy.quorum! });
  } catch (error) {
    if (error instanceof WitnessError) throw new VerificationFailure(`the checkpoint: ${error.code}: ${error.message}`);
    throw error;
  }
}

/** The checkpoint is of this very head: same size, same root. */
export function checkCheckpointOfHead(
  checkpoint: { treeSize: number; rootHash: Buffer },
  head: TreeHead,
  what: string,
): void {
  const { treeSize, rootHash } = checkpoint;
  if (treeSize !== head.treeSize || !rootHash.equals(head.rootHash))
    throw new VerificationFailure(
      `${what}'s checkpoint (size ${treeSize}, root ${rootHash.toString('base64')}) is not its tree head (size ${head.treeSize}, root ${head.rootHash.toString('base64')})`,
    );
}

/** A trail bundle's checkpoint meets the requirement and is of the bundle's (verified) head. */
export function checkTrailCheckpoint(
  bundle: unknown,
  head: TreeHead,
  requirement: CheckpointRequirement,
): VerifiedCosignedCheckpoint {
  const policy = checkpointPolicy(requirement);
  const note = (bundle as { checkpoint?: unknown } | null)?.checkpoint;
  if (typeof note !== 'string') throw new VerificationFailure('the bundle carries no checkpoint');
  const verified = checkCheckpoint(note, policy);
  checkCheckpointOfHead(verified.checkpoint, head, 'the bundle');
  return verified;
}

/**
 * The checkpoint and the verified head are of one history: equal at one size, or linked by the
 * gateway's consistency proof (checked here, not trusted) from the smaller to the larger.
 */
export async function checkCheckpointConsistent(
  client: LedgerClient,
  checkpoint: { treeSize: number; rootHash: Buffer },
  head: TreeHead,
): Promise<void> {
  if (checkpoint.treeSize === head.treeSize) {
    checkCheckpointOfHead(checkpoint, head, 'the latest');
    return;
  }
  const [first, second] = checkpoint.treeSize < head.treeSize ? [checkpoint, head] : [head, checkpoint];
  if (first.treeSize === 0) return;
  const proof = await client.getConsistency(first.treeSize, second.treeSize);
  try {
    verifyConsistency({
      first: first.treeSize,
      second: second.treeSize,
      firstRoot: first.rootHash,
      secondRoot: second.rootHash,
      proof,
    });
  } catch (error) {
    if (!(error instanceof MerkleProofError)) throw error;
    throw new VerificationFailure(
      `the checkpoint (size ${checkpoint.treeSize}) and the verified head (size ${head.treeSize}) are not one history: ${error.message}`,
    );
  }
}

export function describeCosigners(verified: VerifiedCosignedCheckpoint): string {
  const signed = verified.cosigners.map((c) => `${c.name} at ${new Date(c.timestamp * 1000).toISOString()}`);
  return `cosigned by ${signed.join(', ') || 'no witness'}${verified.missing.length > 0 ? `; missing: ${verified.missing.join(', ')}` : ''}`;
}

function asUsage<T>(option: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof WitnessError) throw new UsageError(`${option}: ${error.message}`);
    throw error;
  }
}
