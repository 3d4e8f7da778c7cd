import { referencePath, referenceProof, referenceRoot } from './merkle-tree.reference';
import { EMPTY_ROOT } from './rfc6962.hasher';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_ENTRIES, ROOTS } from './rfc6962.test-vectors';

const hexes = (hashes: readonly Buffer[]): string[] => hashes.map((hash) => hash.toString('hex'));

// The reference is what the fast code is checked against, so it is first checked against the
// published vectors itself.
describe('RFC 6962 reference implementation', () => {
  it('MTH of no entries is the empty root', () => {
    expect(referenceRoot([]).equals(EMPTY_ROOT)).toBe(true);
  });

  it.each(ROOTS.map((root, i) => [i + 1, root.toString('hex')] as const))(
    'MTH of the first %i published entries is %s',
    (size, root) => {
      expect(referenceRoot(LEAF_ENTRIES.slice(0, size)).toString('hex')).toBe(root);
    },
  );

  it.each(INCLUSION_PROOFS.map((v) => [v.leafIndex, v.treeSize, v] as const))(
    'PATH(%i, D[%i]) equals the published audit path',
    (leafIndex, treeSize, vector) => {
      expect(hexes(referencePath(leafIndex, LEAF_ENTRIES.slice(0, treeSize)))).toEqual(hexes(vector.proof));
    },
  );

  it.each(CONSISTENCY_PROOFS.map((v) => [v.first, v.second, v] as const))(
    'PROOF(%i, D[%i]) equals the published consistency proof',
    (first, second, vector) => {
      expect(hexes(referenceProof(first, LEAF_ENTRIES.slice(0, second)))).toEqual(hexes(vector.proof));
    },
  );

  it('leaves PATH and PROOF undefined outside their domains', () => {
    expect(() => referencePath(3, LEAF_ENTRIES.slice(0, 3))).toThrow(RangeError);
    expect(() => referenceProof(0, LEAF_ENTRIES.slice(0, 3))).toThrow(RangeError);
  });
});
