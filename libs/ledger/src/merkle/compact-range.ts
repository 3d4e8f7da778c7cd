import { MerkleProofError } from './merkle.errors';
import { EMPTY_ROOT, HASH_SIZE, hashChildren } from './rfc6962.hasher';
import { assertHashLength, countOnes } from './tree-size';

/** What a gateway stores to resume appending after a restart: the tree size and its border. */
export interface CompactRangeJson {
  size: number;
  /** Roots of the perfect subtrees covering [0, size), largest (leftmost) first, lowercase hex. */
  hashes: string[];
}

const HEX_HASH = new RegExp(`^[0-9a-f]{${HASH_SIZE * 2}}$`);

/**
 * Append state of a log in the manner of transparency-dev `compact/range.go`, for ranges that
 * start at leaf 0: one hash per one bit of `size`, so O(log n) memory whatever the log's length.
 */
export class CompactRange {
  private constructor(
    private treeSize: number,
    private readonly hashes: Buffer[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  static fromLeafHashes(leafHashes: Iterable<Uint8Array>): CompactRange {
    const range = CompactRange.empty();
    for (const leafHash of leafHashes) range.append(leafHash);
    return range;
  }

  static fromJSON(json: unknown): CompactRange {
    const { size, hashes } = parseCompactRangeJson(json);
    return new CompactRange(
      size,
      hashes.map((hex) => Buffer.from(hex, 'hex')),
    );
  }

  get size(): number {
    return this.treeSize;
  }

  /** The border hashes, largest subtree first (copies). */
  borderHashes(): Buffer[] {
    return this.hashes.map((hash) => Buffer.from(hash));
  }

  append(leafHash: Uint8Array): void {
    assertHashLength('leaf hash', leafHash);
    if (this.treeSize >= Number.MAX_SAFE_INTEGER) {
      throw new MerkleProofError('bad-tree-size', 'the log has reached 2^53 - 1 leaves');
    }
    let seed: Buffer = Buffer.from(leafHash);
    // Each trailing one bit of the old size is a perfect subtree the new leaf completes.
    for (let rest = this.treeSize; rest % 2 === 1; rest = Math.floor(rest / 2)) {
      seed = hashChildren(this.hashes.pop() as Buffer, seed);
    }
    this.hashes.push(seed);
    this.treeSize += 1;
  }

  /** MTH of the whole range: the border folded from the right. */
  root(): Buffer {
    if (this.hashes.length === 0) return EMPTY_ROOT;
    let root = this.hashes[this.hashes.length - 1];
    for (let i = this.hashes.length - 2; i >= 0; i--) root = hashChildren(this.hashes[i], root);
    return Buffer.from(root);
  }

  toJSON(): CompactRangeJson {
    return { size: this.treeSize, hashes: this.hashes.map((hash) => hash.toString('hex')) };
  }
}

function parseCompactRangeJson(json: unknown): CompactRangeJson {
  const refuse = (why: string): never => {
    throw new MerkleProofError('bad-compact-range', `compact range JSON refused: ${why}`);
  };
  if (typeof json !== 'object' || json === null) return refuse('not an object');
  const { size, hashes } = json as Partial<Record<keyof CompactRangeJson, unknown>>;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    return refuse(`size must be a non-negative safe integer, got ${String(size)}`);
  }
  if (!Array.isArray(hashes)) return refuse('hashes must be an array');
  if (hashes.length !== countOnes(size)) {
    return refuse(`a tree of size ${size} has ${countOnes(size)} border hashes, got ${hashes.length}`);
  }
  hashes.forEach((hash: unknown, i) => {
    if (typeof hash !== 'string' || !HEX_HASH.test(hash)) {
      refuse(`hashes[${i}] is not ${HASH_SIZE * 2} lowercase hex digits`);
    }
  });
  return { size, hashes: hashes as string[] };
}
