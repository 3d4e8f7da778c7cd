import { createHash, type KeyObject } from 'node:crypto';
import { decodeLedgerEntry, hashLeaf, verifyInclusion } from '@bureaunet/ledger';
import {
  checkCosigners,
  ed25519NoteVerifier,
  openCheckpoint,
  parseCheckpoint,
  parseSignedNote,
  rawEd25519PublicKey,
  type Checkpoint,
  type SignedNote,
} from '@bureaunet/witness';
import type { CertificateBook } from './evidence-certificates.check';
import type { EvidenceBundle } from './evidence-bundle.schema';
import type { EvidenceChecks } from './evidence-check';
import type { CheckedEnvelope } from './evidence-signatures.check';

/** A witness the verifier knows: its cosigner name and Ed25519 public key (raw 32 bytes or a key). */
export interface KnownWitness {
  name: string;
  publicKey: KeyObject | Uint8Array;
}

export interface WitnessPolicy {
  witnesses: readonly KnownWitness[];
  quorum: number;
  now: Date;
}

/** The checkpoint signed by the gateway's key, with its key name the checkpoint's origin. */
export function checkCheckpoint(
  bundle: EvidenceBundle,
  book: CertificateBook,
  checks: EvidenceChecks,
): { note: SignedNote; checkpoint: Checkpoint } | undefined {
  return checks.attempt('checkpoint', () => {
    // The origin is read before the signature is checked only to name the key that must have signed.
    const { origin } = parseCheckpoint(parseSignedNote(bundle.checkpoint).text);
    if (!book.gateway) throw new Error('no gateway certificate to verify the checkpoint with');
    const publicKey = rawEd25519PublicKey(book.gateway.cert.publicKey);
    const { note, checkpoint } = openCheckpoint(bundle.checkpoint, {
      origin,
      verifiers: [ed25519NoteVerifier({ name: origin, publicKey })],
    });
    return {
      value: { note, checkpoint },
      reason: `${checkpoint.origin} size ${checkpoint.treeSize}, signed by ${book.gateway.code}`,
    };
  });
}

/** A quorum of distinct known witnesses cosigned; a known witness's bad cosignature fails it all. */
export function checkCosignatures(note: SignedNote | undefined, policy: WitnessPolicy, checks: EvidenceChecks): void {
  checks.attempt('cosignatures', () => {
    if (!note) throw new Error('no checkpoint to count cosignatures on');
    const witnesses = policy.witnesses.map(({ name, publicKey }) => ({
      name,
      publicKey: publicKey instanceof Uint8Array ? Buffer.from(publicKey) : rawEd25519PublicKey(publicKey),
    }));
    const { cosigners } = checkCosigners(note, witnesses);
    const ahead = cosigners.find((c) => c.timestamp * 1000 > policy.now.getTime());
    if (ahead) throw new Error(`cosignature of ${ahead.name} is dated in the future (${ahead.timestamp})`);
    const names = cosigners.map((c) => `${c.name} at ${new Date(c.timestamp * 1000).toISOString()}`);
    if (cosigners.length < policy.quorum)
      throw new Error(
        `${cosigners.length} of the ${policy.quorum} witness cosignatures required (${names.join(', ') || 'none'})`,
      );
    return { value: undefined, reason: `cosigned by ${names.join(', ')}` };
  });
}

/** Each entry is about the message and proven into the checkpoint's tree. */
export function checkEntries(
  bundle: EvidenceBundle,
  checkpoint: Checkpoint | undefined,
  checks: EvidenceChecks,
): Record<string, unknown>[] {
  const entries: Record<string, unknown>[] = [];
  bundle.entries.forEach((item, index) => {
    const entry = checks.attempt(`entry[${index}]`, () => {
      const leaf = Buffer.from(item.leaf_input, 'base64');
      const decoded = decodeLedgerEntry(leaf);
      if (decoded.envelopeId !== bundle.message_id) throw new Error(`entry is about ${String(decoded.envelopeId)}`);
      if (!checkpoint) throw new Error('no verified checkpoint to prove the entry into');
      verifyInclusion({
        leafHash: hashLeaf(leaf),
        leafIndex: item.leaf_index,
        treeSize: checkpoint.treeSize,
        proof: item.audit_path.map((hash) => Buffer.from(hash, 'base64')),
        root: checkpoint.rootHash,
      });
      return { value: decoded, reason: `${String(decoded.type)} at leaf ${item.leaf_index} of ${checkpoint.treeSize}` };
    });
    if (entry) entries.push(entry);
  });
  return entries;
}

/** The ledger accepted exactly this envelope: a submission-accepted entry names its digest. */
export function checkLedgerLink(
  entries: readonly Record<string, unknown>[],
  envelope: CheckedEnvelope | undefined,
  checks: EvidenceChecks,
): void {
  checks.attempt('ledger-link', () => {
    if (!envelope) throw new Error('no verified envelope to link');
    const accepted = entries.find((e) => e.type === 'submission-accepted' && e.digest === envelope.digest);
    if (!accepted) throw new Error('no proven submission-accepted entry names the envelope digest');
    return { value: undefined, reason: `accepted at ${String(accepted.at)}` };
  });
}

const DECISIONS = new Set(['delivery', 'recipient-refused']);

/** Every decision's policy text is bundled and its SHA-256 (hex) is what the decision entry records. */
export function checkPolicies(
  bundle: EvidenceBundle,
  entries: readonly Record<string, unknown>[],
  checks: EvidenceChecks,
): void {
  for (const decision of entries.filter((e) => DECISIONS.has(String(e.type)))) {
    const version = decision.policyVersion;
    checks.attempt(`policy:${String(version)}:${String(decision.to)}`, () => {
      const policy = bundle.policies.find((p) => p.version === version);
      if (!policy) throw new Error(`the bundle holds no text of policy version ${String(version)}`);
      const digest = createHash('sha256').update(policy.text, 'utf8').digest('hex');
      if (decision.policySha256 !== digest)
        throw new Error(
          `policy version ${String(version)} text hashes to ${digest}, the ledger records ${String(decision.policySha256)}`,
        );
      return {
        value: undefined,
        reason: `version ${String(version)} decided ${String(decision.to)} (${String(decision.type)})`,
      };
    });
  }
}
