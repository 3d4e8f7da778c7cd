import { MerkleProofError } from './merkle.errors';
import { EMPTY_ROOT, hashChildren } from './rfc6962.hasher';
import { assertHashLength, assertLeafIndex, assertTreeSize, isPowerOfTwo } from './tree-size';

export interface InclusionClaim {
  leafHash: Uint8Array;
  leafIndex: number;
  treeSize: number;
  proof: readonly Uint8Array[];
}

export interface ConsistencyClaim {
  first: number;
  second: number;
  firstRoot: Uint8Array;
  secondRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

/*
 * RFC 9162 sections 2.1.3.2 and 2.1.4.2. The fn/sn walk depends only on the sizes, so it is run
 * first to learn, per proof element, which side it hashes on; the RFC's "if sn is 0, fail" and
 * "sn must end at 0" checks then become one exact comparison of the proof's length.
 */

const half = (n: number): number => Math.floor(n / 2);

/**
 * Step 4 of 2.1.3.2 (and 6 of 2.1.4.2) without hashing: for each proof element, whether it is
 * hashed on the left — HASH(0x01 || p || r) — or on the right — HASH(0x01 || r || p).
 */
function walk(fn: number, sn: number): boolean[] {
  const onLeft: boolean[] = [];
  while (sn !== 0) {
    const left = fn % 2 === 1 || fn === sn;
    onLeft.push(left);
    if (left) {
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return onLeft;
}

/** The root the proof leads to; throws unless the claim is well-formed. */
export function rootFromInclusionProof(claim: InclusionClaim): Buffer {
  const { leafHash, leafIndex, treeSize, proof } = claim;
  assertTreeSize('tree size', treeSize);
  assertLeafIndex(leafIndex, treeSize); // step 1
  assertHashLength('leaf hash', leafHash);
  const onLeft = walk(leafIndex, treeSize - 1); // step 2
  assertProofLength(proof, onLeft.length, `inclusion proof for leaf ${leafIndex} in a tree of ${treeSize}`);
  let r: Buffer = Buffer.from(leafHash); // step 3
  proof.forEach((p, i) => {
    r = onLeft[i] ? hashChildren(p, r) : hashChildren(r, p);
  });
  return r;
}

export function verifyInclusion(claim: InclusionClaim & { root: Uint8Array }): void {
  const computed = rootFromInclusionProof(claim);
  assertHashLength('root', claim.root);
  if (!computed.equals(claim.root)) {
    throw new MerkleProofError(
      'inclusion-mismatch',
      `inclusion proof for leaf ${claim.leafIndex} leads to root ${computed.toString('hex')}, ` +
        `not the tree head's ${Buffer.from(claim.root).toString('hex')} (size ${claim.treeSize})`,
    );
  }
}

/** Steps 3 and 4 of 2.1.4.2, then the walk of step 6: true where fr and sr both take c on the left. */
function consistencyWalk(first: number, second: number): boolean[] {
  let [fn, sn] = [first - 1, second - 1];
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  return walk(fn, sn);
}

export function verifyConsistency(claim: ConsistencyClaim): void {
  const { first, second, firstRoot, secondRoot, proof } = claim;
  assertTreeSize('first tree size', first);
  assertTreeSize('second tree size', second);
  if (first > second) {
    throw new MerkleProofError('first-larger-than-second', `first tree size ${first} is larger than second ${second}`);
  }
  assertHashLength('first root', firstRoot);
  assertHashLength('second root', secondRoot);
  if (first === 0 || first === second) return verifyTrivialConsistency(claim);
  const both = consistencyWalk(first, second);
  // Step 2: a power-of-two old tree is itself a node of the new one, so the proof omits its root.
  const seedInProof = !isPowerOfTwo(first);
  assertProofLength(proof, both.length + (seedInProof ? 1 : 0), `consistency proof ${first} -> ${second}`);
  const path = seedInProof ? proof : [firstRoot, ...proof];
  let fr: Buffer = Buffer.from(path[0]); // step 5
  let sr = fr;
  both.forEach((left, i) => {
    const c = path[i + 1];
    if (left) [fr, sr] = [hashChildren(c, fr), hashChildren(c, sr)];
    else sr = hashChildren(sr, c);
  });
  assertRootMatches(fr, firstRoot, `first tree head (size ${first})`); // step 7
  assertRootMatches(sr, secondRoot, `second tree head (size ${second})`);
}

/** Outside RFC 9162's 0 < first < second: every tree extends the empty tree and itself. */
function verifyTrivialConsistency({ first, second, firstRoot, secondRoot, proof }: ConsistencyClaim): void {
  assertProofLength(proof, 0, `consistency proof ${first} -> ${second}`);
  if (first === 0) assertRootMatches(EMPTY_ROOT, firstRoot, 'first tree head (size 0)');
  else assertRootMatches(Buffer.from(firstRoot), secondRoot, `second tree head (same size ${second})`);
}

function assertRootMatches(computed: Buffer, expected: Uint8Array, what: string): void {
  if (!computed.equals(expected)) {
    throw new MerkleProofError(
      'consistency-mismatch',
      `consistency proof leads to ${computed.toString('hex')}, not the ${what} root ${Buffer.from(expected).toString('hex')}`,
    );
  }
}

function assertProofLength(proof: readonly Uint8Array[], expected: number, what: string): void {
  if (proof.length !== expected) {
    throw new MerkleProofError('bad-proof-length', `${what} must have ${expected} hashes, got ${proof.length}`);
  }
  proof.forEach((hash, i) => assertHashLength(`proof[${i}]`, hash));
}
