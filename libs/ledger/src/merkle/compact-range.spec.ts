import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { referenceRoot } from './merkle-tree.reference';
import { MerkleProofError } from './merkle.errors';
import { EMPTY_ROOT, hashLeaf } from './rfc6962.hasher';
import { LEAF_ENTRIES, ROOTS } from './rfc6962.test-vectors';

const entriesFor = (seed: number, size: number): Buffer[] =>
  Array.from({ length: size }, (_, i) => Buffer.from(`entry ${i} of log ${seed}`));

/** Counts one bits without 32-bit operators. */
const ones = (n: number): number =>
  n
    .toString(2)
    .split('')
    .filter((bit) => bit === '1').length;

describe('CompactRange', () => {
  it('starts empty with the empty root', () => {
    const range = CompactRange.empty();
    expect(range.size).toBe(0);
    expect(range.root().equals(EMPTY_ROOT)).toBe(true);
    expect(range.toJSON()).toEqual({ size: 0, hashes: [] });
  });

  it('reaches every published root while appending the published leaves', () => {
    const range = CompactRange.empty();
    LEAF_ENTRIES.forEach((entry, i) => {
      range.append(hashLeaf(entry));
      expect(range.root().toString('hex')).toBe(ROOTS[i].toString('hex'));
    });
  });

  it('equals the reference MTH at every size from 1 to 300, holding one hash per one bit', () => {
    const entries = entriesFor(0, 300);
    const range = CompactRange.empty();
    entries.forEach((entry, i) => {
      range.append(hashLeaf(entry));
      expect(range.root().equals(referenceRoot(entries.slice(0, i + 1)))).toBe(true);
      expect(range.borderHashes()).toHaveLength(ones(i + 1));
    });
  });

  it('continues the same tree after toJSON / JSON text / fromJSON mid-way (property)', () => {
    const sizeAndCut = fc
      .integer({ min: 0, max: 300 })
      .chain((size) => fc.tuple(fc.constant(size), fc.nat({ max: size })));
    fc.assert(
      fc.property(fc.nat(), sizeAndCut, (seed, [size, cut]) => {
        const leafHashes = entriesFor(seed, size).map(hashLeaf);
        const before = CompactRange.fromLeafHashes(leafHashes.slice(0, cut));
        const restored = CompactRange.fromJSON(JSON.parse(JSON.stringify(before)));
        expect(restored.size).toBe(cut);
        leafHashes.slice(cut).forEach((leafHash) => restored.append(leafHash));
        const uninterrupted = CompactRange.fromLeafHashes(leafHashes);
        expect(restored.toJSON()).toEqual(uninterrupted.toJSON());
        expect(restored.root().equals(referenceRoot(entriesFor(seed, size)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('hands out copies, so callers cannot change its state', () => {
    const range = CompactRange.fromLeafHashes(LEAF_ENTRIES.slice(0, 3).map(hashLeaf));
    range.borderHashes()[0].fill(0);
    range.root().fill(0);
    expect(range.root().equals(ROOTS[2])).toBe(true);
  });

  it('refuses a leaf hash of the wrong length', () => {
    expect(() => CompactRange.empty().append(Buffer.alloc(31))).toThrow(
      expect.objectContaining({ code: 'bad-hash-length', message: 'leaf hash has 31 bytes, expected 32' }) as Error,
    );
  });

  const hex = 'ab'.repeat(32);
  it.each([
    ['null', null, 'not an object'],
    ['a string', 'x', 'not an object'],
    ['a negative size', { size: -1, hashes: [] }, 'size must be a non-negative safe integer, got -1'],
    ['a fractional size', { size: 1.5, hashes: [hex] }, 'size must be a non-negative safe integer, got 1.5'],
    ['a size as text', { size: '1', hashes: [hex] }, 'size must be a non-negative safe integer, got 1'],
    ['missing hashes', { size: 0 }, 'hashes must be an array'],
    ['too few hashes', { size: 3, hashes: [hex] }, 'a tree of size 3 has 2 border hashes, got 1'],
    ['too many hashes', { size: 4, hashes: [hex, hex] }, 'a tree of size 4 has 1 border hashes, got 2'],
    ['uppercase hex', { size: 1, hashes: [hex.toUpperCase()] }, 'hashes[0] is not 64 lowercase hex digits'],
    ['a short hash', { size: 1, hashes: ['abcd'] }, 'hashes[0] is not 64 lowercase hex digits'],
    ['a number for a hash', { size: 1, hashes: [1] }, 'hashes[0] is not 64 lowercase hex digits'],
  ])('fromJSON refuses %s', (_name, json, reason) => {
    let caught: unknown;
    try {
      CompactRange.fromJSON(json);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MerkleProofError);
    expect(caught).toMatchObject({ code: 'bad-compact-range', message: `compact range JSON refused: ${reason}` });
  });
});
