import { hashLeaf } from '../../../../libs/ledger/src/merkle/rfc6962.hasher';
import {
  CONSISTENCY_PROOFS,
  HASHER_VECTORS,
  INCLUSION_PROOFS,
  LEAF_ENTRIES,
  ROOTS,
  SOME_HASH,
} from '../../../../libs/ledger/src/merkle/rfc6962.test-vectors';
import {
  emptyRoot,
  leafHash,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
  type ConsistencyClaim,
  type InclusionClaim,
} from './merkle.verify';

// The browser's verifier, run by Node's own Web Crypto against the published RFC 6962 vectors
// that libs/ledger's verifier is checked with, and against the same systematic corruptions.

const rootOf = (size: number): Buffer => ROOTS[size - 1];
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function flipBit(proof: readonly Uint8Array[], i: number): Uint8Array[] {
  return proof.map((hash, j) => {
    if (j !== i) return hash;
    const copy = Uint8Array.from(hash);
    copy[0] ^= 8;
    return copy;
  });
}

async function code(check: Promise<{ ok: boolean; code?: string }>): Promise<string> {
  const result = await check;
  return result.ok ? 'ok' : result.code!;
}

describe('merkle.verify (Web Crypto)', () => {
  it('hashes as RFC 6962 does', async () => {
    expect(hex(await emptyRoot())).toBe(HASHER_VECTORS.emptyRoot);
    expect(hex(await leafHash(new Uint8Array(0)))).toBe(HASHER_VECTORS.emptyLeaf);
    expect(hex(await leafHash(Buffer.from('L123456')))).toBe(HASHER_VECTORS.leafL123456);
    expect(hex(await nodeHash(Buffer.from('N123'), Buffer.from('N456'))).toString()).toBe(
      HASHER_VECTORS.childrenN123N456,
    );
  });

  describe.each(INCLUSION_PROOFS.map((vector) => [`leaf ${vector.leafIndex} of ${vector.treeSize}`, vector]))(
    'inclusion, %s',
    (_name, vector) => {
      const good = (): InclusionClaim => ({
        leafHash: hashLeaf(LEAF_ENTRIES[vector.leafIndex]),
        leafIndex: vector.leafIndex,
        treeSize: vector.treeSize,
        proof: vector.proof,
        root: rootOf(vector.treeSize),
      });

      it('verifies the published proof', async () => {
        expect(await verifyInclusion(good())).toEqual({ ok: true });
      });

      it('fails every corruption, saying which check', async () => {
        const claim = good();
        const { proof, root } = claim;
        const probes: Array<[string, InclusionClaim, string]> = [
          ['wrong leaf', { ...claim, leafHash: hashLeaf(Buffer.from('WrongLeaf')) }, 'inclusion-mismatch'],
          ['leaf bytes, not a hash', { ...claim, leafHash: Buffer.from('WrongLeaf') }, 'bad-hash-length'],
          ['random root', { ...claim, root: SOME_HASH }, 'inclusion-mismatch'],
          ['truncated root', { ...claim, root: root.subarray(1) }, 'bad-hash-length'],
          ['trailing root', { ...claim, proof: [...proof, root] }, 'bad-proof-length'],
          ['preceding root', { ...claim, proof: [root, ...proof] }, 'bad-proof-length'],
          ['index beyond the tree', { ...claim, leafIndex: claim.treeSize }, 'bad-leaf-index'],
        ];
        proof.forEach((_hash, i) => {
          probes.push([`proof[${i}] bit flipped`, { ...claim, proof: flipBit(proof, i) }, 'inclusion-mismatch']);
          probes.push([
            `proof[${i}] cut`,
            { ...claim, proof: proof.map((h, j) => (j === i ? h.subarray(1) : h)) },
            'bad-hash-length',
          ]);
        });
        if (proof.length > 0)
          probes.push(['truncated proof', { ...claim, proof: proof.slice(0, -1) }, 'bad-proof-length']);
        for (const [name, probe, expected] of probes)
          expect([name, await code(verifyInclusion(probe))]).toEqual([name, expected]);
      });
    },
  );

  describe.each(CONSISTENCY_PROOFS.map((vector) => [`${vector.first} -> ${vector.second}`, vector]))(
    'consistency, %s',
    (_name, vector) => {
      const good = (): ConsistencyClaim => ({
        first: vector.first,
        second: vector.second,
        firstRoot: rootOf(vector.first),
        secondRoot: rootOf(vector.second),
        proof: vector.proof,
      });

      it('verifies the published proof', async () => {
        expect(await verifyConsistency(good())).toEqual({ ok: true });
      });

      it('fails every corruption', async () => {
        const claim = good();
        const mismatch = 'consistency-mismatch';
        const probes: Array<[string, ConsistencyClaim, string]> = [
          ['wrong first root', { ...claim, firstRoot: SOME_HASH }, mismatch],
          ['wrong second root', { ...claim, secondRoot: SOME_HASH }, mismatch],
          ['swapped sizes', { ...claim, first: claim.second + 1 }, 'first-larger-than-second'],
          ['trailing hash', { ...claim, proof: [...claim.proof, SOME_HASH] }, 'bad-proof-length'],
        ];
        claim.proof.forEach((_hash, i) =>
          probes.push([`proof[${i}] bit flipped`, { ...claim, proof: flipBit(claim.proof, i) }, mismatch]),
        );
        if (claim.proof.length > 0)
          probes.push(['truncated proof', { ...claim, proof: claim.proof.slice(0, -1) }, 'bad-proof-length']);
        for (const [name, probe, expected] of probes)
          expect([name, await code(verifyConsistency(probe))]).toEqual([name, expected]);
      });
    },
  );

  it('accepts the empty tree as the start of any tree, and only the empty root for it', async () => {
    const base = { first: 0, second: 8, secondRoot: rootOf(8), proof: [] };
    expect(await verifyConsistency({ ...base, firstRoot: await emptyRoot() })).toEqual({ ok: true });
    expect(await code(verifyConsistency({ ...base, firstRoot: SOME_HASH }))).toBe('consistency-mismatch');
  });
});
