import fc from 'fast-check';
import { referencePath, referenceProof, referenceRoot } from './merkle-tree.reference';
import { MerkleProofError } from './merkle.errors';
import {
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  type LeafRange,
  rootAt,
} from './proof.builder';
import { verifyConsistency, verifyInclusion } from './proof.verifier';
import { hashChildren, hashLeaf } from './rfc6962.hasher';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_ENTRIES, ROOTS } from './rfc6962.test-vectors';
import { InMemorySubtreeHashSource, type SubtreeHashSource } from './subtree-hash-source';

const hexes = (hashes: readonly Buffer[]): string[] => hashes.map((hash) => hash.toString('hex'));
const range = (start: number, end: number): LeafRange => ({ start, end });
const entriesFor = (seed: number, size: number): Buffer[] =>
  Array.from({ length: size }, (_, i) => Buffer.from(`entry ${i} of log ${seed}`));
const sourceOver = (entries: readonly Uint8Array[]): InMemorySubtreeHashSource =>
  new InMemorySubtreeHashSource(entries.map(hashLeaf));

/** Counts the questions a storage layer would be asked, and answers asynchronously. */
class CountingSource implements SubtreeHashSource {
  readonly asked: LeafRange[] = [];
  constructor(private readonly inner: SubtreeHashSource) {}
  get leafCount(): number {
    return this.inner.leafCount;
  }
  async subtreeRoot(start: number, end: number): Promise<Buffer> {
    this.asked.push(range(start, end));
    return this.inner.subtreeRoot(start, end);
  }
}

/** A log of 2^53 - 1 identical leaves: MTH depends only on the width, so huge sizes are cheap. */
class UniformLog implements SubtreeHashSource {
  readonly leafCount = Number.MAX_SAFE_INTEGER;
  readonly leafHash = hashLeaf(Buffer.from('same entry'));
  private readonly byWidth = new Map<number, Buffer>([[1, this.leafHash]]);
  subtreeRoot(start: number, end: number): Buffer {
    const width = end - start;
    const known = this.byWidth.get(width);
    if (known) return known;
    let k = 1;
    while (k * 2 < width) k *= 2;
    const root = hashChildren(this.subtreeRoot(0, k), this.subtreeRoot(0, width - k));
    this.byWidth.set(width, root);
    return root;
  }
}

async function refusalCode(run: () => Promise<unknown>): Promise<string> {
  const error: unknown = await run().then(
    () => new Error('accepted'),
    (e: unknown) => e,
  );
  return error instanceof MerkleProofError ? error.code : String(error);
}

describe('proof builder on the published RFC 6962 vectors', () => {
  const source = sourceOver(LEAF_ENTRIES);

  it.each(ROOTS.map((root, i) => [i + 1, root] as const))('rootAt(%i) is the published root', async (size, root) => {
    expect((await rootAt(source, size)).equals(root)).toBe(true);
  });

  it.each(INCLUSION_PROOFS.map((v) => [v.leafIndex, v.treeSize, v] as const))(
    'builds the published inclusion proof for leaf %i in a tree of %i',
    async (leafIndex, treeSize, v) => {
      expect(hexes(await inclusionProof(source, leafIndex, treeSize))).toEqual(hexes(v.proof));
    },
  );

  it.each(CONSISTENCY_PROOFS.map((v) => [v.first, v.second, v] as const))(
    'builds the published consistency proof %i -> %i',
    async (first, second, v) => {
      expect(hexes(await consistencyProof(source, first, second))).toEqual(hexes(v.proof));
    },
  );
});

// Node positions from transparency-dev proof/proof_test.go (TestInclusion, TestConsistency),
// translated from (level, index) node IDs to leaf ranges; their "rehash" groups are one range here.
describe('proof ranges match transparency-dev proof_test.go', () => {
  it.each([
    [0, 1, []],
    [0, 2, [range(1, 2)]],
    [1, 2, [range(0, 1)]],
    [1, 3, [range(0, 1), range(2, 3)]],
    [0, 7, [range(1, 2), range(2, 4), range(4, 7)]],
    [2, 7, [range(3, 4), range(0, 2), range(4, 7)]],
    [4, 7, [range(5, 6), range(6, 7), range(0, 4)]],
    [6, 7, [range(4, 6), range(0, 4)]],
    [3, 5, [range(2, 3), range(0, 2), range(4, 5)]],
    [3, 6, [range(2, 3), range(0, 2), range(4, 6)]],
    [10, 15, [range(11, 12), range(8, 10), range(12, 15), range(0, 8)]],
    [24, 31, [range(25, 26), range(26, 28), range(28, 31), range(16, 24), range(0, 16)]],
    [81, 95, [range(80, 81), range(82, 84), range(84, 88), range(88, 95), range(64, 80), range(0, 64)]],
  ])('inclusion of leaf %i in a tree of %i', (leafIndex, treeSize, expected) => {
    expect(inclusionProofRanges(leafIndex, treeSize)).toEqual(expected);
  });

  it.each([
    [1, 2, [range(1, 2)]],
    [1, 4, [range(1, 2), range(2, 4)]],
    [1, 6, [range(1, 2), range(2, 4), range(4, 6)]],
    [2, 3, [range(2, 3)]],
    [2, 8, [range(2, 4), range(4, 8)]],
    [3, 7, [range(2, 3), range(3, 4), range(0, 2), range(4, 7)]],
    [4, 7, [range(4, 7)]],
    [5, 7, [range(4, 5), range(5, 6), range(6, 7), range(0, 4)]],
    [6, 7, [range(4, 6), range(6, 7), range(0, 4)]],
    [7, 8, [range(6, 7), range(7, 8), range(4, 6), range(0, 4)]],
    [7, 7, []],
    [2, 4, [range(2, 4)]],
    [3, 5, [range(2, 3), range(3, 4), range(0, 2), range(4, 5)]],
    [1, 7, [range(1, 2), range(2, 4), range(4, 7)]],
    [10, 15, [range(8, 10), range(10, 12), range(12, 15), range(0, 8)]],
    [24, 31, [range(16, 24), range(24, 31), range(0, 16)]],
    [81, 95, [range(80, 81), range(81, 82), range(82, 84), range(84, 88), range(88, 95), range(64, 80), range(0, 64)]],
  ])('consistency %i -> %i', (first, second, expected) => {
    expect(consistencyProofRanges(first, second)).toEqual(expected);
  });
});

describe('proof builder against the RFC 6962 reference (properties)', () => {
  const treeSize = fc.integer({ min: 1, max: 300 });
  const seed = fc.nat();

  it('builds the reference PATH, which verifies, for any leaf of any tree', async () => {
    const leafInTree = treeSize.chain((size) => fc.tuple(fc.constant(size), fc.nat({ max: size - 1 })));
    await fc.assert(
      fc.asyncProperty(seed, leafInTree, async (s, [size, leafIndex]) => {
        const entries = entriesFor(s, size);
        const proof = await inclusionProof(sourceOver(entries), leafIndex, size);
        expect(hexes(proof)).toEqual(hexes(referencePath(leafIndex, entries)));
        const root = referenceRoot(entries);
        verifyInclusion({ leafHash: hashLeaf(entries[leafIndex]), leafIndex, treeSize: size, proof, root });
      }),
    );
  });

  it('refuses a changed leaf, and a proof made for another tree size', async () => {
    const sizes = fc.tuple(treeSize, treeSize).filter(([a, b]) => a !== b);
    await fc.assert(
      fc.asyncProperty(seed, sizes, fc.nat(), async (s, [size, otherSize], pick) => {
        const entries = entriesFor(s, Math.max(size, otherSize));
        const source = sourceOver(entries);
        const leafIndex = pick % Math.min(size, otherSize);
        const proof = await inclusionProof(source, leafIndex, size);
        const leafHash = hashLeaf(entries[leafIndex]);
        const claim = { leafHash, leafIndex, treeSize: size, proof, root: await rootAt(source, size) };
        expect(() => verifyInclusion({ ...claim, leafHash: hashLeaf(Buffer.from('changed')) })).toThrow(
          expect.objectContaining({ code: 'inclusion-mismatch' }) as Error,
        );
        const otherRoot = await rootAt(source, otherSize);
        expect(() => verifyInclusion({ ...claim, treeSize: otherSize, root: otherRoot })).toThrow(
          expect.objectContaining({ code: expect.stringMatching(/^(inclusion-mismatch|bad-proof-length)$/) }) as Error,
        );
      }),
    );
  });

  it('builds the reference PROOF, which verifies, and which a rewritten history fails', async () => {
    const sizes = fc.tuple(treeSize, treeSize).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    await fc.assert(
      fc.asyncProperty(seed, sizes, fc.nat(), async (s, [first, second], pick) => {
        const entries = entriesFor(s, second);
        const proof = await consistencyProof(sourceOver(entries), first, second);
        const expected = first === second ? [] : referenceProof(first, entries);
        expect(hexes(proof)).toEqual(hexes(expected));
        const firstRoot = referenceRoot(entries.slice(0, first));
        verifyConsistency({ first, second, firstRoot, secondRoot: referenceRoot(entries), proof });
        const rewritten = entries.map((entry, i) => (i === pick % first ? Buffer.from('rewritten') : entry));
        const forged = { first, second, firstRoot, secondRoot: referenceRoot(rewritten), proof };
        expect(() => verifyConsistency(forged)).toThrow(
          expect.objectContaining({ code: 'consistency-mismatch' }) as Error,
        );
      }),
    );
  });
});

describe('proof builder against storage', () => {
  it('asks the source one subtree root per proof element, i.e. O(log n) questions', async () => {
    const source = new CountingSource(sourceOver(entriesFor(1, 1000)));
    const proof = await inclusionProof(source, 613, 1000);
    expect(source.asked).toEqual(inclusionProofRanges(613, 1000));
    expect(proof.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(1000)));
    source.asked.length = 0;
    await consistencyProof(source, 613, 1000);
    expect(source.asked).toEqual(consistencyProofRanges(613, 1000));
    source.asked.length = 0;
    await rootAt(source, 1000);
    expect(source.asked).toEqual([range(0, 1000)]);
  });

  it('builds proofs that verify in a log far beyond 2^32 leaves', async () => {
    const log = new UniformLog();
    const treeSize = 2 ** 52 + 2 ** 33 + 5;
    const leafIndex = 2 ** 52 + 2 ** 32 + 3;
    const root = await rootAt(log, treeSize);
    const proof = await inclusionProof(log, leafIndex, treeSize);
    expect(() => verifyInclusion({ leafHash: log.leafHash, leafIndex, treeSize, proof, root })).not.toThrow();
    const first = 2 ** 40 + 12345;
    const firstRoot = await rootAt(log, first);
    const consistency = await consistencyProof(log, first, treeSize);
    expect(() =>
      verifyConsistency({ first, second: treeSize, firstRoot, secondRoot: root, proof: consistency }),
    ).not.toThrow();
  });

  it('caches perfect subtrees in memory, and grows by append', async () => {
    const entries = entriesFor(2, 9);
    const source = sourceOver(entries.slice(0, 8));
    expect((await rootAt(source, 8)).equals(referenceRoot(entries.slice(0, 8)))).toBe(true);
    source.append(hashLeaf(entries[8]));
    expect(source.leafCount).toBe(9);
    expect((await rootAt(source, 9)).equals(referenceRoot(entries))).toBe(true);
    expect(() => source.append(Buffer.alloc(31))).toThrow('leaf hash 9 has 31 bytes, expected 32');
  });

  it.each([
    ['a leaf outside the tree', (s: SubtreeHashSource) => inclusionProof(s, 8, 8), 'index-out-of-range'],
    ['a negative leaf', (s: SubtreeHashSource) => inclusionProof(s, -1, 8), 'index-out-of-range'],
    ['a tree larger than the log', (s: SubtreeHashSource) => inclusionProof(s, 0, 9), 'size-beyond-log'],
    ['a fractional tree size', (s: SubtreeHashSource) => rootAt(s, 1.5), 'bad-tree-size'],
    ['a root beyond the log', (s: SubtreeHashSource) => rootAt(s, 9), 'size-beyond-log'],
    ['first larger than second', (s: SubtreeHashSource) => consistencyProof(s, 5, 4), 'first-larger-than-second'],
    ['second beyond the log', (s: SubtreeHashSource) => consistencyProof(s, 5, 9), 'size-beyond-log'],
  ])('refuses %s', async (_name, build, code) => {
    expect(await refusalCode(() => build(sourceOver(LEAF_ENTRIES)))).toBe(code);
  });

  it('refuses a storage answer that is not a SHA-256 hash', async () => {
    const broken: SubtreeHashSource = { leafCount: 8, subtreeRoot: () => Promise.resolve(Buffer.alloc(20)) };
    await expect(inclusionProof(broken, 0, 8)).rejects.toThrow('subtree root [1, 2) has 20 bytes, expected 32');
  });

  it('answers trivial requests without asking storage', async () => {
    const empty = new CountingSource(new InMemorySubtreeHashSource());
    expect((await rootAt(empty, 0)).toString('hex')).toBe(referenceRoot([]).toString('hex'));
    expect(await consistencyProof(empty, 0, 0)).toEqual([]);
    expect(empty.asked).toEqual([]);
  });

  it('refuses subtree ranges outside the in-memory log', () => {
    const source = sourceOver(LEAF_ENTRIES);
    for (const [start, end] of [
      [0, 0],
      [-1, 2],
      [3, 2],
      [0, 9],
      [0.5, 2],
    ]) {
      expect(() => source.subtreeRoot(start, end)).toThrow(
        expect.objectContaining({ code: 'bad-subtree-range' }) as Error,
      );
    }
  });
});
