import { createHash, hash } from 'node:crypto';

/** RFC 6962 section 2.1 with SHA-256: leaves and interior nodes get different prefixes. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) — the root of the empty tree. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

// One-shot crypto.hash over the joined bytes: about a quarter cheaper than a Hash object fed piece by
// piece, measured on the ledger's append path (hashing there is per leaf and per completed node).

/** SHA-256(0x00 || entry). */
export function hashLeaf(entry: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, entry]), 'buffer');
}

/** SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}
