import { referencePath, referenceProof } from './merkle-tree.reference';
import type { MerkleErrorCode } from './merkle.errors';
import { MerkleProofError } from './merkle.errors';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './proof.verifier';
import { EMPTY_ROOT, hashLeaf } from './rfc6962.hasher';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_ENTRIES, ROOTS, SOME_HASH } from './rfc6962.test-vectors';

type InclusionClaim = Parameters<typeof verifyInclusion>[0];
type ConsistencyClaim = Parameters<typeof verifyConsistency>[0];
type Probe<T> = [name: string, claim: T, code: MerkleErrorCode];

function refusal(run: () => void): { code: MerkleErrorCode; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof MerkleProofError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the claim was accepted');
}

const rootOf = (size: number): Buffer => ROOTS[size - 1];
const blankEntries = (size: number): Buffer[] => new Array<Buffer>(size).fill(Buffer.alloc(0));

/** The proof with the given bit flipped in the first byte of element i (transparency-dev style). */
function flipBit(proof: readonly Uint8Array[], i: number, mask: number): Uint8Array[] {
  return proof.map((hash, j) => {
    if (j !== i) return hash;
    const copy = Buffer.from(hash);
    copy[0] ^= mask;
    return copy;
  });
}

/** What a wrong index or size must be refused with, decided by the reference PATH's length. */
function inclusionCode(leafIndex: number, treeSize: number, proofLength: number): MerkleErrorCode {
  if (leafIndex < 0 || leafIndex >= treeSize) return 'index-out-of-range';
  const expected = referencePath(leafIndex, blankEntries(treeSize)).length;
  return expected === proofLength ? 'inclusion-mismatch' : 'bad-proof-length';
}

/** What wrong sizes must be refused with, decided by the reference PROOF's length. */
function consistencyCode(first: number, second: number, proofLength: number): MerkleErrorCode {
  if (first > second) return 'first-larger-than-second';
  if (first === 0 || first === second) return 'bad-proof-length';
  const expected = referenceProof(first, blankEntries(second)).length;
  return expected === proofLength ? 'consistency-mismatch' : 'bad-proof-length';
}

function inclusionProbes(good: InclusionClaim): Probe<InclusionClaim>[] {
  const { leafIndex, treeSize, proof, root } = good;
  const probes: Probe<InclusionClaim>[] = [
    ['wrong leaf', { ...good, leafHash: hashLeaf(Buffer.from('WrongLeaf')) }, 'inclusion-mismatch'],
    ['leaf bytes instead of a leaf hash', { ...good, leafHash: Buffer.from('WrongLeaf') }, 'bad-hash-length'],
    ['empty root', { ...good, root: EMPTY_ROOT }, 'inclusion-mismatch'],
    ['random root', { ...good, root: SOME_HASH }, 'inclusion-mismatch'],
    ['truncated root', { ...good, root: root.subarray(1) }, 'bad-hash-length'],
    ['trailing garbage', { ...good, proof: [...proof, Buffer.alloc(0)] }, 'bad-proof-length'],
    ['trailing root', { ...good, proof: [...proof, root] }, 'bad-proof-length'],
    ['preceding garbage', { ...good, proof: [Buffer.alloc(0), ...proof] }, 'bad-proof-length'],
    ['preceding root', { ...good, proof: [root, ...proof] }, 'bad-proof-length'],
  ];
  proof.forEach((hash, i) => {
    probes.push([`proof[${i}] with bit 3 flipped`, { ...good, proof: flipBit(proof, i, 8) }, 'inclusion-mismatch']);
    const cut = proof.map((h, j) => (j === i ? hash.subarray(1) : h));
    probes.push([`proof[${i}] cut to 31 bytes`, { ...good, proof: cut }, 'bad-hash-length']);
  });
  if (proof.length > 0) probes.push(['truncated proof', { ...good, proof: proof.slice(0, -1) }, 'bad-proof-length']);
  if (proof.length > 1) {
    const inserted = [proof[0], SOME_HASH, ...proof.slice(1)];
    probes.push(['inserted component', { ...good, proof: inserted }, 'bad-proof-length']);
  }
  for (const index of [leafIndex - 1, leafIndex + 1, leafIndex ^ 2]) {
    probes.push([`leaf index ${index}`, { ...good, leafIndex: index }, inclusionCode(index, treeSize, proof.length)]);
  }
  for (const size of [treeSize * 2, Math.floor(treeSize / 2)]) {
    probes.push([`tree size ${size}`, { ...good, treeSize: size }, inclusionCode(leafIndex, size, proof.length)]);
  }
  return probes;
}

function consistencyProbes(good: ConsistencyClaim): Probe<ConsistencyClaim>[] {
  const { first, second, firstRoot, secondRoot, proof } = good;
  const probes: Probe<ConsistencyClaim>[] = [
    ['wrong first root', { ...good, firstRoot: SOME_HASH }, 'consistency-mismatch'],
    ['wrong second root', { ...good, secondRoot: SOME_HASH }, 'consistency-mismatch'],
    ['short first root', { ...good, firstRoot: Buffer.from('WrongRoot') }, 'bad-hash-length'],
    ['short second root', { ...good, secondRoot: Buffer.from('WrongRoot') }, 'bad-hash-length'],
    ['swapped roots', { ...good, firstRoot: secondRoot, secondRoot: firstRoot }, 'consistency-mismatch'],
    ['empty proof', { ...good, proof: [] }, 'bad-proof-length'],
    ['trailing garbage', { ...good, proof: [...proof, Buffer.alloc(0)] }, 'bad-proof-length'],
    ['trailing first root', { ...good, proof: [...proof, firstRoot] }, 'bad-proof-length'],
    ['trailing second root', { ...good, proof: [...proof, secondRoot] }, 'bad-proof-length'],
    ['preceding garbage', { ...good, proof: [Buffer.alloc(0), ...proof] }, 'bad-proof-length'],
    ['preceding first root', { ...good, proof: [firstRoot, ...proof] }, 'bad-proof-length'],
    ['preceding second root', { ...good, proof: [secondRoot, ...proof] }, 'bad-proof-length'],
    ['preceding proof[0]', { ...good, proof: [proof[0], ...proof] }, 'bad-proof-length'],
    ['truncated proof', { ...good, proof: proof.slice(0, -1) }, 'bad-proof-length'],
  ];
  proof.forEach((_, i) => {
    probes.push([`proof[${i}] with bit 4 flipped`, { ...good, proof: flipBit(proof, i, 16) }, 'consistency-mismatch']);
  });
  for (const size of [first - 1, first + 1, first ^ 2]) {
    probes.push([`first size ${size}`, { ...good, first: size }, consistencyCode(size, second, proof.length)]);
  }
  for (const size of [second * 2, Math.floor(second / 2)]) {
    probes.push([`second size ${size}`, { ...good, second: size }, consistencyCode(first, size, proof.length)]);
  }
  return probes;
}

describe('verifyInclusion against the published RFC 6962 vectors', () => {
  describe.each(INCLUSION_PROOFS.map((v) => [v.leafIndex, v.treeSize, v] as const))(
    'leaf %i in a tree of %i',
    (leafIndex, treeSize, { proof }) => {
      const leafHash = hashLeaf(LEAF_ENTRIES[leafIndex]);
      const good: InclusionClaim = { leafHash, leafIndex, treeSize, proof, root: rootOf(treeSize) };

      it('verifies, and rootFromInclusionProof yields the published root', () => {
        expect(() => verifyInclusion(good)).not.toThrow();
        expect(rootFromInclusionProof(good).equals(rootOf(treeSize))).toBe(true);
      });

      it.each(inclusionProbes(good))('refuses %s', (_name, claim, code) => {
        expect(refusal(() => verifyInclusion(claim)).code).toBe(code);
      });
    },
  );

  it('explains a mismatch with both roots, and a bad length with the expected count', () => {
    const { proof } = INCLUSION_PROOFS[2];
    const claim: InclusionClaim = {
      leafHash: hashLeaf(LEAF_ENTRIES[5]),
      leafIndex: 5,
      treeSize: 8,
      proof,
      root: SOME_HASH,
    };
    expect(refusal(() => verifyInclusion(claim)).message).toBe(
      `inclusion proof for leaf 5 leads to root ${ROOTS[7].toString('hex')}, ` +
        `not the tree head's ${SOME_HASH.toString('hex')} (size 8)`,
    );
    expect(refusal(() => verifyInclusion({ ...claim, proof: proof.slice(1) })).message).toBe(
      'inclusion proof for leaf 5 in a tree of 8 must have 3 hashes, got 2',
    );
    expect(refusal(() => verifyInclusion({ ...claim, leafIndex: 8 })).message).toBe(
      'leaf index 8 is outside a tree of size 8 (valid: 0..7)',
    );
  });

  it('accepts a one-leaf tree only when the leaf hash is the root (transparency-dev single-entry cases)', () => {
    const hash = hashLeaf(Buffer.from('data'));
    const claim: InclusionClaim = { leafHash: hash, leafIndex: 0, treeSize: 1, proof: [], root: hash };
    expect(() => verifyInclusion(claim)).not.toThrow();
    expect(refusal(() => verifyInclusion({ ...claim, root: SOME_HASH })).code).toBe('inclusion-mismatch');
    expect(refusal(() => verifyInclusion({ ...claim, leafHash: Buffer.alloc(0) })).code).toBe('bad-hash-length');
    expect(refusal(() => verifyInclusion({ ...claim, root: Buffer.alloc(0) })).code).toBe('bad-hash-length');
  });

  it.each([
    [0, 0, 'index-out-of-range'],
    [1, 0, 'index-out-of-range'],
    [2, 1, 'index-out-of-range'],
    [-1, 4, 'index-out-of-range'],
    [1.5, 4, 'index-out-of-range'],
    [0, -1, 'bad-tree-size'],
    [0, 2.5, 'bad-tree-size'],
    [0, 2 ** 53, 'bad-tree-size'],
  ] as const)('refuses leaf %p in a tree of %p with %s', (leafIndex, treeSize, code) => {
    const claim = { leafHash: SOME_HASH, leafIndex, treeSize, proof: [], root: SOME_HASH };
    expect(refusal(() => verifyInclusion(claim)).code).toBe(code);
  });
});

describe('verifyConsistency against the published RFC 6962 vectors', () => {
  const claimFor = (first: number, second: number, proof: readonly Buffer[]): ConsistencyClaim => ({
    first,
    second,
    firstRoot: rootOf(first),
    secondRoot: rootOf(second),
    proof,
  });

  it.each(CONSISTENCY_PROOFS.map((v) => [v.first, v.second, v] as const))('verifies %i -> %i', (first, second, v) => {
    expect(() => verifyConsistency(claimFor(first, second, v.proof))).not.toThrow();
  });

  describe.each(CONSISTENCY_PROOFS.filter((v) => v.proof.length > 0).map((v) => [v.first, v.second, v] as const))(
    'corruptions of %i -> %i',
    (first, second, { proof }) => {
      it.each(consistencyProbes(claimFor(first, second, proof)))('refuses %s', (_name, claim, code) => {
        expect(refusal(() => verifyConsistency(claim)).code).toBe(code);
      });
    },
  );

  it('says which tree head a proof fails to reproduce', () => {
    const good = claimFor(6, 8, CONSISTENCY_PROOFS[2].proof);
    expect(refusal(() => verifyConsistency({ ...good, firstRoot: SOME_HASH })).message).toBe(
      `consistency proof leads to ${ROOTS[5].toString('hex')}, ` +
        `not the first tree head (size 6) root ${SOME_HASH.toString('hex')}`,
    );
    expect(refusal(() => verifyConsistency({ ...good, secondRoot: SOME_HASH })).message).toBe(
      `consistency proof leads to ${ROOTS[7].toString('hex')}, ` +
        `not the second tree head (size 8) root ${SOME_HASH.toString('hex')}`,
    );
    expect(refusal(() => verifyConsistency({ ...good, proof: [] })).message).toBe(
      'consistency proof 6 -> 8 must have 3 hashes, got 0',
    );
  });

  // The edge cases of transparency-dev's TestVerifyConsistency, with this verifier's choices.
  it.each([
    ['0 -> 0 with the empty root', 0, 0, EMPTY_ROOT, EMPTY_ROOT, [], null],
    ['0 -> 1 from the empty root', 0, 1, EMPTY_ROOT, ROOTS[0], [], null],
    ['0 -> 1 from another root', 0, 1, SOME_HASH, ROOTS[0], [], 'consistency-mismatch'],
    ['0 -> 1 with a proof', 0, 1, EMPTY_ROOT, ROOTS[0], [EMPTY_ROOT], 'bad-proof-length'],
    ['1 -> 1 with equal roots', 1, 1, ROOTS[0], ROOTS[0], [], null],
    ['1 -> 1 with different roots', 1, 1, ROOTS[0], ROOTS[1], [], 'consistency-mismatch'],
    ['1 -> 1 with a proof', 1, 1, ROOTS[0], ROOTS[0], [EMPTY_ROOT], 'bad-proof-length'],
    ['1 -> 0', 1, 0, ROOTS[0], EMPTY_ROOT, [], 'first-larger-than-second'],
    ['2 -> 1', 2, 1, ROOTS[1], ROOTS[0], [], 'first-larger-than-second'],
    ['1 -> 2 with an empty proof', 1, 2, ROOTS[0], ROOTS[1], [], 'bad-proof-length'],
    ['-1 -> 2', -1, 2, ROOTS[0], ROOTS[1], [], 'bad-tree-size'],
    ['1 -> 2.5', 1, 2.5, ROOTS[0], ROOTS[1], [], 'bad-tree-size'],
  ] as const)('%s', (_name, first, second, firstRoot, secondRoot, proof, code) => {
    const run = (): void => verifyConsistency({ first, second, firstRoot, secondRoot, proof });
    if (code === null) expect(run).not.toThrow();
    else expect(refusal(run).code).toBe(code);
  });
});
