import { MerkleProofError } from './merkle.errors';
import { hashChildren } from './rfc6962.hasher';
import { assertHashLength, isPowerOfTwo, largestPowerOfTwoBelow } from './tree-size';

/**
 * Where the proof builder gets hashes from. A database-backed log answers `subtreeRoot` from its
 * stored leaf and node hashes; the builder asks for O(log n) ranges per proof, never for leaves
 * one by one. May answer synchronously.
 */
export interface SubtreeHashSource {
  /** Number of leaves the source holds; proofs may be asked for any tree size up to it. */
  readonly leafCount: number;
  /** MTH(D[start:end]) for 0 <= start < end <= leafCount. */
  subtreeRoot(start: number, end: number): Promise<Buffer> | Buffer;
}

/** In-memory source over leaf hashes. Perfect, aligned subtrees are cached: the log only grows. */
export class InMemorySubtreeHashSource implements SubtreeHashSource {
  private readonly leafHashes: Buffer[] = [];
  private readonly perfectRoots = new Map<string, Buffer>();

  constructor(leafHashes: Iterable<Uint8Array> = []) {
    for (const leafHash of leafHashes) this.append(leafHash);
  }

  get leafCount(): number {
    return this.leafHashes.length;
  }

  append(leafHash: Uint8Array): void {
    assertHashLength(`leaf hash ${this.leafHashes.length}`, leafHash);
    this.leafHashes.push(Buffer.from(leafHash));
  }

  subtreeRoot(start: number, end: number): Buffer {
    const valid = Number.isSafeInteger(start) && Number.isSafeInteger(end);
    if (!valid || start < 0 || end <= start || end > this.leafHashes.length) {
      throw new MerkleProofError(
        'bad-subtree-range',
        `subtree [${start}, ${end}) is not a non-empty range within ${this.leafHashes.length} leaves`,
      );
    }
    return this.rangeRoot(start, end);
  }

  private rangeRoot(start: number, end: number): Buffer {
    const width = end - start;
    if (width === 1) return this.leafHashes[start];
    const perfect = isPowerOfTwo(width) && start % width === 0;
    const key = `${start}+${width}`;
    const cached = perfect ? this.perfectRoots.get(key) : undefined;
    if (cached) return cached;
    const k = largestPowerOfTwoBelow(width);
    const root = hashChildren(this.rangeRoot(start, start + k), this.rangeRoot(start + k, end));
    if (perfect) this.perfectRoots.set(key, root);
    return root;
  }
}
