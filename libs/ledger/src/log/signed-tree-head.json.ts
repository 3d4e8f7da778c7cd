import { HASH_SIZE } from '../merkle';
import { LedgerLogError } from './ledger-log.errors';
import type { TreeHead } from './tree-head.signature';

/** RFC 6962 section 4.3 get-sth, as served, published on NATS and kept by auditors. */
export interface SignedTreeHeadJson {
  tree_size: number;
  timestamp: number;
  /** base64 */
  sha256_root_hash: string;
  /** base64 of DigitallySigned (see tree-head.signature.ts) */
  tree_head_signature: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function toSignedTreeHeadJson(head: TreeHead, treeHeadSignature: string): SignedTreeHeadJson {
  return {
    tree_size: head.treeSize,
    timestamp: head.timestamp,
    sha256_root_hash: head.rootHash.toString('base64'),
    tree_head_signature: treeHeadSignature,
  };
}

/** Checks the shape (not the signature) and returns the head and its signature. */
export function parseSignedTreeHeadJson(json: unknown): { head: TreeHead; signature: string } {
  const refuse = (why: string): never => {
    throw new LedgerLogError('bad-tree-head', `signed tree head refused: ${why}`);
  };
  if (typeof json !== 'object' || json === null) return refuse('not a JSON object');
  const { tree_size, timestamp, sha256_root_hash, tree_head_signature } = json as Partial<
    Record<keyof SignedTreeHeadJson, unknown>
  >;
  if (typeof tree_size !== 'number' || !Number.isSafeInteger(tree_size) || tree_size < 0)
    return refuse(`tree_size ${String(tree_size)} is not a non-negative integer`);
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0)
    return refuse(`timestamp ${String(timestamp)} is not a non-negative integer`);
  if (typeof sha256_root_hash !== 'string' || !BASE64.test(sha256_root_hash))
    return refuse('sha256_root_hash is not base64');
  const rootHash = Buffer.from(sha256_root_hash, 'base64');
  if (rootHash.length !== HASH_SIZE)
    return refuse(`sha256_root_hash has ${rootHash.length} bytes, expected ${HASH_SIZE}`);
  if (typeof tree_head_signature !== 'string' || !BASE64.test(tree_head_signature))
    return refuse('tree_head_signature is not base64');
  return { head: { treeSize: tree_size, timestamp, rootHash }, signature: tree_head_signature };
}
