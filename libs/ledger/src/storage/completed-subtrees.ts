import { CompactRange, hashChildren } from '../merkle';

/** Perfect subtrees below this level are recomputed from leaf hashes (at most 255 per subtree). */
export const STORED_NODE_MIN_LEVEL = 8;

/** Root of the perfect, aligned subtree covering leaves [index * 2^level, (index + 1) * 2^level). */
export interface CompletedSubtree {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * Appends leaf hashes to `range` and returns the perfect subtrees of `minLevel` and above that
 * they complete, in order. Appending leaf s completes one subtree per trailing one bit of s; their
 * left halves are the rightmost border hashes before the append.
 */
export function appendCollectingSubtrees(
  range: CompactRange,
  leafHashes: readonly Buffer[],
  minLevel = STORED_NODE_MIN_LEVEL,
): CompletedSubtree[] {
  const completed: CompletedSubtree[] = [];
  for (const leafHash of leafHashes) {
    const size = range.size;
    const levels = trailingOnes(size);
    if (levels >= minLevel) {
      const border = range.borderHashes();
      let node = leafHash;
      for (let level = 1; level <= levels; level++) {
        node = hashChildren(border[border.length - level], node);
        if (level >= minLevel) completed.push({ level, index: Math.floor(size / 2 ** level), hash: node });
      }
    }
    range.append(leafHash);
  }
  return completed;
}

function trailingOnes(n: number): number {
  let ones = 0;
  for (let rest = n; rest % 2 === 1; rest = Math.floor(rest / 2)) ones++;
  return ones;
}
