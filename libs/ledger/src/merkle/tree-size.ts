import { MerkleProofError } from './merkle.errors';
import { HASH_SIZE } from './rfc6962.hasher';

// Sizes and indices are JavaScript numbers: exact up to 2^53, so no 32-bit bitwise operators here.

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** The largest power of two strictly smaller than n (RFC 6962's k), for n > 1. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Number of one bits, i.e. the number of perfect subtrees in a tree of this size. */
export function countOnes(n: number): number {
  let ones = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) ones += rest % 2;
  return ones;
}

export function assertTreeSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MerkleProofError('bad-tree-size', `${name} must be a non-negative safe integer, got ${value}`);
  }
}

export function assertLeafIndex(leafIndex: number, treeSize: number): void {
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    const valid = treeSize === 0 ? 'it has no leaves' : `valid: 0..${treeSize - 1}`;
    throw new MerkleProofError(
      'index-out-of-range',
      `leaf index ${leafIndex} is outside a tree of size ${treeSize} (${valid})`,
    );
  }
}

export function assertHashLength(what: string, hash: Uint8Array): void {
  if (hash.length !== HASH_SIZE) {
    throw new MerkleProofError('bad-hash-length', `${what} has ${hash.length} bytes, expected ${HASH_SIZE}`);
  }
}
