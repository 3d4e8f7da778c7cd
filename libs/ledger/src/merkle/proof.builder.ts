import { MerkleProofError } from './merkle.errors';
import { EMPTY_ROOT } from './rfc6962.hasher';
import type { SubtreeHashSource } from './subtree-hash-source';
import { assertHashLength, assertLeafIndex, assertTreeSize, largestPowerOfTwoBelow } from './tree-size';

/** Leaves [start, end) of the log. */
export interface LeafRange {
  start: number;
  end: number;
}

/**
 * The subtrees whose roots make PATH(m, D[n]) (RFC 6962 section 2.1.1), bottom-up.
 * The recursion is unrolled top-down, then reversed into proof order.
 */
export function inclusionProofRanges(leafIndex: number, treeSize: number): LeafRange[] {
  assertTreeSize('tree size', treeSize);
  assertLeafIndex(leafIndex, treeSize);
  const ranges: LeafRange[] = [];
  let [start, end] = [0, treeSize];
  while (end - start > 1) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (leafIndex < split) {
      ranges.push({ start: split, end });
      end = split;
    } else {
      ranges.push({ start, end: split });
      start = split;
    }
  }
  return ranges.reverse();
}

/** The subtrees whose roots make PROOF(m, D[n]) (RFC 6962 section 2.1.2), in proof order. */
export function consistencyProofRanges(first: number, second: number): LeafRange[] {
  assertSizes(first, second);
  if (first === 0 || first === second) return [];
  const ranges: LeafRange[] = [];
  let [start, end, isWholeOldTree] = [0, second, true];
  // SUBPROOF(m, D[start:end], b) with m = first - start.
  while (first !== end) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (first <= split) {
      ranges.push({ start: split, end });
      end = split;
    } else {
      ranges.push({ start, end: split });
      start = split;
      isWholeOldTree = false;
    }
  }
  // The old tree's own root is left out only when the verifier already has it (b = true).
  if (!isWholeOldTree) ranges.push({ start, end });
  return ranges.reverse();
}

/** MTH of the first treeSize leaves. */
export async function rootAt(source: SubtreeHashSource, treeSize: number): Promise<Buffer> {
  assertWithinLog(source, 'tree size', treeSize);
  if (treeSize === 0) return EMPTY_ROOT;
  return fetchRoots(source, [{ start: 0, end: treeSize }]).then(([root]) => root);
}

/** PATH(leafIndex, D[treeSize]). */
export async function inclusionProof(
  source: SubtreeHashSource,
  leafIndex: number,
  treeSize: number,
): Promise<Buffer[]> {
  assertWithinLog(source, 'tree size', treeSize);
  return fetchRoots(source, inclusionProofRanges(leafIndex, treeSize));
}

/** PROOF(first, D[second]); empty when first is 0 or equals second. */
export async function consistencyProof(source: SubtreeHashSource, first: number, second: number): Promise<Buffer[]> {
  assertSizes(first, second);
  assertWithinLog(source, 'second tree size', second);
  return fetchRoots(source, consistencyProofRanges(first, second));
}

async function fetchRoots(source: SubtreeHashSource, ranges: readonly LeafRange[]): Promise<Buffer[]> {
  // A source may answer synchronously (SubtreeHashSource): each answer is made a promise to await together.
  const roots = await Promise.all(ranges.map(({ start, end }) => Promise.resolve(source.subtreeRoot(start, end))));
  roots.forEach((root, i) => assertHashLength(`subtree root [${ranges[i].start}, ${ranges[i].end})`, root));
  return roots;
}

function assertSizes(first: number, second: number): void {
  assertTreeSize('first tree size', first);
  assertTreeSize('second tree size', second);
  if (first > second) {
    throw new MerkleProofError(
      'first-larger-than-second',
      `first tree size ${first} is larger than second tree size ${second}`,
    );
  }
}

function assertWithinLog(source: SubtreeHashSource, name: string, treeSize: number): void {
  assertTreeSize(name, treeSize);
  if (treeSize > source.leafCount) {
    throw new MerkleProofError('size-beyond-log', `${name} ${treeSize} exceeds the log's ${source.leafCount} leaves`);
  }
}
