import { decodeLedgerEntry } from '@bureaunet/ledger';
import { parseCheckpoint, parseSignedNote } from '@bureaunet/witness';
import {
  EVIDENCE_FORMAT,
  evidenceBundleSchema,
  type EvidenceBundle,
  type LedgerProofEntry,
} from './evidence-bundle.schema';
import { readSignedJws } from './signed-jws';

/** A piece the exporter could not obtain or that does not fit the others: never a partial bundle. */
export class EvidenceIncompleteError extends Error {
  override readonly name = 'EvidenceIncompleteError';

  constructor(
    /** The bundle member (or source) that is missing or wrong. */
    readonly piece: string,
    message: string,
  ) {
    super(message);
  }
}

/** The gateway's trail of one message: proofs into the tree of `treeSize`, and its cosigned checkpoint. */
export interface LedgerTrail {
  treeSize: number;
  entries: readonly LedgerProofEntry[];
  checkpoint: string;
}

/** Everything an exporter gathered about one message, as it holds it (exact bytes, PEM, texts). */
export interface EvidencePieces {
  messageId: string;
  createdAt: Date;
  envelope: Uint8Array;
  reports: readonly Uint8Array[];
  receipts: readonly Uint8Array[];
  certificates: { ca: string; registry: string; gateway: string; bureaus: readonly string[] };
  /** base64url of each status statement's JWS JSON bytes, as the registry serves them. */
  statuses: readonly string[];
  trail: LedgerTrail;
  policies: readonly { version: number; text: string }[];
  /** An RFC 3161 token over the checkpoint's note text, when the gateway's TSA stamped that size. */
  timestamp?: { tsa_ca: string; token: string };
  plaintext?: { cek: Uint8Array; content: Uint8Array };
}

const DECISIONS = new Set(['delivery', 'recipient-refused']);

/**
 * The bundle of docs/evidence.md from its pieces, checked against the format before it is handed
 * out: the trail's entries about the message itself (those of its receipt envelopes name another
 * id), a checkpoint of the trail's own tree size, the text of every policy version that decided a
 * recipient. Throws EvidenceIncompleteError naming the piece otherwise.
 */
export function buildEvidenceBundle(pieces: EvidencePieces): EvidenceBundle {
  const entries = messageEntries(pieces.messageId, pieces.trail.entries);
  if (entries.length === 0)
    throw new EvidenceIncompleteError('entries', `the gateway's trail has no entry about ${pieces.messageId}`);
  assertCheckpointSize(pieces.trail);
  const versions = decidedPolicyVersions(entries);
  const missing = versions.filter((version) => !pieces.policies.some((policy) => policy.version === version));
  if (missing.length > 0)
    throw new EvidenceIncompleteError('policies', `no text of policy version ${missing.join(', ')}`);
  const bundle: EvidenceBundle = {
    format: EVIDENCE_FORMAT,
    message_id: pieces.messageId,
    created_at: pieces.createdAt.toISOString(),
    envelope: b64url(pieces.envelope),
    reports: pieces.reports.map(b64url),
    receipts: pieces.receipts.map(b64url),
    certificates: { ...pieces.certificates, bureaus: distinct(pieces.certificates.bureaus) },
    statuses: distinct(pieces.statuses),
    entries,
    checkpoint: pieces.trail.checkpoint,
    policies: versions.map((version) => pieces.policies.find((policy) => policy.version === version)!),
    ...(pieces.timestamp ? { timestamp: pieces.timestamp } : {}),
    ...(pieces.plaintext
      ? { plaintext: { cek: b64url(pieces.plaintext.cek), content: b64url(pieces.plaintext.content) } }
      : {}),
  };
  const checked = evidenceBundleSchema.safeParse(bundle);
  if (!checked.success) {
    const [issue] = checked.error.issues;
    throw new EvidenceIncompleteError(
      String(issue?.path[0] ?? 'format'),
      `the bundle does not fit ${EVIDENCE_FORMAT}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return checked.data;
}

/** The trail's entries whose envelopeId is the message's, in leaf order. */
export function messageEntries(messageId: string, entries: readonly LedgerProofEntry[]): LedgerProofEntry[] {
  return entries
    .filter((entry) => entryOf(entry).envelopeId === messageId)
    .map(({ leaf_index, leaf_input, audit_path }) => ({ leaf_index, leaf_input, audit_path: [...audit_path] }))
    .sort((a, b) => a.leaf_index - b.leaf_index);
}

/** The rule-set versions named by the delivery and refusal decisions among the entries, ascending. */
export function decidedPolicyVersions(entries: readonly LedgerProofEntry[]): number[] {
  const versions = new Set<number>();
  for (const entry of entries.map(entryOf)) {
    if (!DECISIONS.has(String(entry.type))) continue;
    const version = entry.policyVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new EvidenceIncompleteError('entries', `a ${String(entry.type)} entry names no policy version`);
    versions.add(version);
  }
  return [...versions].sort((a, b) => a - b);
}

/** Who signed a flattened JWS (its kid) and what its payload says it is from, without checking it. */
export function jwsSigner(bytes: Uint8Array, what: string): { kid: string; from?: string } {
  try {
    const jws = readSignedJws(b64url(bytes), what);
    const from = jws.payload.from;
    return { kid: jws.header.kid, ...(typeof from === 'string' ? { from } : {}) };
  } catch (error) {
    throw new EvidenceIncompleteError(what, (error as Error).message);
  }
}

function assertCheckpointSize(trail: LedgerTrail): void {
  let treeSize: number;
  try {
    treeSize = parseCheckpoint(parseSignedNote(trail.checkpoint).text).treeSize;
  } catch (error) {
    throw new EvidenceIncompleteError('checkpoint', `the gateway's checkpoint is not one: ${(error as Error).message}`);
  }
  if (treeSize !== trail.treeSize)
    throw new EvidenceIncompleteError(
      'checkpoint',
      `the checkpoint is of tree size ${treeSize}, the trail's proofs of ${trail.treeSize}`,
    );
}

function entryOf(entry: LedgerProofEntry): Record<string, unknown> {
  try {
    return decodeLedgerEntry(Buffer.from(entry.leaf_input, 'base64'));
  } catch (error) {
    throw new EvidenceIncompleteError('entries', `leaf ${entry.leaf_index}: ${(error as Error).message}`);
  }
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
