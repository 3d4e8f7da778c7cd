import { bytesFromBase64, hexOf, sameBytes } from './bytes.codec';
import type { Trail, TrailEntry } from './auditor.api';
import { leafHash, verifyInclusion, type ProofCheck } from './merkle.verify';
import { verifyTreeHead } from './tree-head.verify';

export interface EntryVerdict {
  entry: TrailEntry;
  /** SHA-256(0x00 || leaf_input) equals leaf_hash, and the entry read is the one hashed. */
  leaf: ProofCheck;
  /** The audit path leads from that leaf hash to the signed root. */
  inclusion: ProofCheck;
}

export interface TrailVerdict {
  sth: Trail['sth'];
  head: ProofCheck;
  entries: EntryVerdict[];
  /** Every check held. */
  verified: boolean;
}

const failed = (code: string, reason: string): ProofCheck => ({ ok: false, code, reason });

function decodeSafely(text: string): Uint8Array | string {
  try {
    return bytesFromBase64(text);
  } catch (error) {
    return (error as Error).message;
  }
}

async function verifyEntry(entry: TrailEntry, messageId: string, trail: Trail): Promise<EntryVerdict> {
  const input = decodeSafely(entry.leaf_input);
  const claimed = decodeSafely(entry.leaf_hash);
  if (typeof input === 'string' || typeof claimed === 'string') {
    const reason = typeof input === 'string' ? input : (claimed as string);
    return { entry, leaf: failed('bad-encoding', reason), inclusion: failed('bad-encoding', reason) };
  }
  const computed = await leafHash(input);
  let leaf: ProofCheck = { ok: true };
  if (!sameBytes(computed, claimed))
    leaf = failed('leaf-hash-mismatch', `leaf_input hashes to ${hexOf(computed)}, not the leaf_hash given`);
  else if (!aboutTheMessage(input, messageId, trail))
    leaf = failed('not-about-message', 'the hashed entry names neither this message nor one of its receipts');
  const proof = entry.audit_path.map(decodeSafely);
  const bad = proof.find((hash): hash is string => typeof hash === 'string');
  const root = decodeSafely(trail.sth.sha256_root_hash);
  if (bad !== undefined || typeof root === 'string')
    return { entry, leaf, inclusion: failed('bad-encoding', bad ?? (root as string)) };
  // The proof starts from the hash computed here, never from the one the gateway sent.
  const inclusion = await verifyInclusion({
    leafHash: computed,
    leafIndex: entry.leaf_index,
    treeSize: trail.sth.tree_size,
    proof: proof as Uint8Array[],
    root,
  });
  return { entry, leaf, inclusion };
}

/** The entry read from the hashed bytes (not the decoded copy) names the message or a receipt of it. */
function aboutTheMessage(input: Uint8Array, messageId: string, trail: Trail): boolean {
  let parsed: { envelopeId?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(input)) as { envelopeId?: unknown };
  } catch {
    return false;
  }
  if (parsed.envelopeId === messageId) return true;
  const receiptIds = trail.entries
    .map((entry) => decodeSafely(entry.leaf_input))
    .flatMap((bytes) => {
      if (typeof bytes === 'string') return [];
      try {
        const other = JSON.parse(new TextDecoder().decode(bytes)) as {
          type?: unknown;
          envelopeId?: unknown;
          receiptId?: unknown;
        };
        return other.type === 'receipt' && other.envelopeId === messageId ? [other.receiptId] : [];
      } catch {
        return [];
      }
    });
  return receiptIds.includes(parsed.envelopeId);
}

/** Every check the auditor's page shows for a trail, done here in the browser. */
export async function verifyTrail(trail: Trail, key: CryptoKey): Promise<TrailVerdict> {
  const head = await verifyTreeHead(trail.sth, key);
  const entries = await Promise.all(trail.entries.map((entry) => verifyEntry(entry, trail.message_id, trail)));
  return {
    sth: trail.sth,
    head,
    entries,
    verified: head.ok && entries.length > 0 && entries.every((verdict) => verdict.leaf.ok && verdict.inclusion.ok),
  };
}
