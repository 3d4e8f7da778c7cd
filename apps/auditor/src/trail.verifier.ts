import type { KeyObject } from 'node:crypto';
import {
  LedgerLogError,
  MerkleProofError,
  decodeLedgerEntry,
  hashLeaf,
  verifyInclusion,
  type TreeHead,
} from '@bureaunet/ledger';
import { GatewayUnusable, VerificationFailure } from './audit.errors';
import { readKeptTreeHead, type KeptTreeHead } from './audit-state';
import { entryValueText } from './entry-value.text';
import { strictBase64, type LedgerClient } from './ledger.client';
import { checkExtendsKept, checkSignedTreeHead } from './tree-head.check';

export interface VerifiedTrailEntry {
  leafIndex: number;
  entry: Record<string, unknown>;
}

export interface TrailVerification {
  messageId: string;
  head: TreeHead;
  entries: VerifiedTrailEntry[];
  /** Whether the bundle's head was checked against the head kept by `audit verify`. */
  checkedAgainstKept: boolean;
}

interface BundleEntry {
  leaf_index: number;
  leaf_input: string;
  leaf_hash?: string;
  audit_path: string[];
}

/**
 * `audit trail`: an evidence bundle checks out when its tree head is signed by the pinned key,
 * each entry's leaf_input hashes to a leaf that its audit path proves is in that tree, and every
 * entry is about the message (or about one of the receipts that name it).
 */
export function verifyTrailBundle(bundle: unknown, key: KeyObject, expectedMessageId?: string): TrailVerification {
  const {
    message_id: messageId,
    sth,
    entries,
  } = (bundle ?? {}) as { message_id?: unknown; sth?: unknown; entries?: unknown };
  if (typeof messageId !== 'string' || !Array.isArray(entries))
    throw new GatewayUnusable('the trail bundle has no message_id or entries');
  if (expectedMessageId !== undefined && messageId !== expectedMessageId)
    throw new VerificationFailure(`the bundle is about message ${messageId}, not ${expectedMessageId}`);
  if (entries.length === 0) throw new VerificationFailure(`the bundle for ${messageId} holds no entries`);
  const { head } = checkSignedTreeHead(sth, key, "the bundle's tree head");
  const verified = (entries as BundleEntry[]).map((item, position) => verifyBundleEntry(item, position, head));
  checkRelevance(messageId, verified);
  return { messageId, head, entries: verified, checkedAgainstKept: false };
}

/** The bundle's head also extends (or is extended by) the head `audit verify` kept. */
export async function checkTrailAgainstKept(
  client: LedgerClient,
  statePath: string,
  trail: TrailVerification,
): Promise<KeptTreeHead | undefined> {
  const kept = readKeptTreeHead(statePath);
  if (!kept) return undefined;
  const keptSize = kept.sth.tree_size;
  if (trail.head.treeSize >= keptSize) {
    await checkExtendsKept(client, kept, trail.head);
  } else {
    // The bundle is older than the kept head: the kept head must extend the bundle's.
    const bundleAsKept: KeptTreeHead = {
      gateway: kept.gateway,
      verifiedAt: 'the trail bundle',
      sth: {
        tree_size: trail.head.treeSize,
        timestamp: trail.head.timestamp,
        sha256_root_hash: trail.head.rootHash.toString('base64'),
        tree_head_signature: '',
      },
    };
    await checkExtendsKept(client, bundleAsKept, parseKept(kept));
  }
  trail.checkedAgainstKept = true;
  return kept;
}

function parseKept(kept: KeptTreeHead): TreeHead {
  return {
    treeSize: kept.sth.tree_size,
    timestamp: kept.sth.timestamp,
    rootHash: Buffer.from(kept.sth.sha256_root_hash, 'base64'),
  };
}

function verifyBundleEntry(item: BundleEntry, position: number, head: TreeHead): VerifiedTrailEntry {
  const where = `bundle entry ${position}`;
  if (typeof item?.leaf_index !== 'number' || typeof item.leaf_input !== 'string' || !Array.isArray(item.audit_path)) {
    throw new GatewayUnusable(`${where} lacks leaf_index, leaf_input or audit_path`);
  }
  const leafInput = strictBase64(item.leaf_input, `${where} leaf_input`);
  const leafHash = hashLeaf(leafInput);
  if (item.leaf_hash !== undefined && !strictBase64(item.leaf_hash, `${where} leaf_hash`).equals(leafHash)) {
    throw new VerificationFailure(`${where} (leaf ${item.leaf_index}): leaf_hash is not SHA-256(0x00 || leaf_input)`);
  }
  let entry: Record<string, unknown>;
  try {
    entry = decodeLedgerEntry(leafInput);
  } catch (error) {
    if (!(error instanceof LedgerLogError)) throw error;
    throw new VerificationFailure(
      `${where} (leaf ${item.leaf_index}) is not a canonical ledger entry: ${error.message}`,
    );
  }
  const proof = item.audit_path.map((hash, i) => strictBase64(String(hash), `${where} audit_path[${i}]`));
  try {
    verifyInclusion({ leafHash, leafIndex: item.leaf_index, treeSize: head.treeSize, proof, root: head.rootHash });
  } catch (error) {
    if (!(error instanceof MerkleProofError)) throw error;
    throw new VerificationFailure(
      `entry at leaf ${item.leaf_index} (${String(entry.type)}) is not proven in the signed tree of size ${head.treeSize}: ${error.code}: ${error.message}`,
    );
  }
  return { leafIndex: item.leaf_index, entry };
}

/** Each entry names the message, or is about a receipt that a receipt entry of the message names. */
function checkRelevance(messageId: string, entries: readonly VerifiedTrailEntry[]): void {
  const receiptIds = new Set(
    entries
      .filter(({ entry }) => entry.type === 'receipt' && entry.envelopeId === messageId)
      .map(({ entry }) => entry.receiptId),
  );
  for (const { leafIndex, entry } of entries) {
    if (entry.envelopeId !== messageId && !receiptIds.has(entry.envelopeId)) {
      throw new VerificationFailure(
        `entry at leaf ${leafIndex} (${String(entry.type)}) is about ${entryValueText(entry.envelopeId ?? 'no envelope')}, neither message ${messageId} nor one of its receipts`,
      );
    }
  }
}
