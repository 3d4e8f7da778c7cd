import { concatBytes, hexOf, sameBytes } from './bytes.codec';

/**
 * RFC 6962 / RFC 9162 proof verification in the browser, with Web Crypto's SHA-256: the auditor's
 * page checks every proof itself rather than trusting the gateway that serves it. The same
 * algorithm as libs/ledger's proof.verifier.ts (checked against the same published vectors).
 */

export const HASH_SIZE = 32;

export type ProofCheck = { ok: true } | { ok: false; code: string; reason: string };

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(new Uint8Array([0]), entry));
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(new Uint8Array([1]), left, right));
}

/** SHA-256 of nothing: the root of the empty tree. */
export function emptyRoot(): Promise<Uint8Array> {
  return sha256(new Uint8Array(0));
}

class ProofFailure extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

const half = (n: number): number => Math.floor(n / 2);

/** RFC 9162 2.1.3.2 step 4 without hashing: per proof element, whether it hashes on the left. */
function walk(fn: number, sn: number): boolean[] {
  const onLeft: boolean[] = [];
  while (sn !== 0) {
    const left = fn % 2 === 1 || fn === sn;
    onLeft.push(left);
    if (left) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    [fn, sn] = [half(fn), half(sn)];
  }
  return onLeft;
}

function assertSize(what: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new ProofFailure('bad-tree-size', `${what} ${n} is not a size`);
}

function assertHash(what: string, hash: Uint8Array): void {
  if (hash.length !== HASH_SIZE)
    throw new ProofFailure('bad-hash-length', `${what} has ${hash.length} bytes, not ${HASH_SIZE}`);
}

function assertLength(proof: readonly Uint8Array[], expected: number, what: string): void {
  if (proof.length !== expected)
    throw new ProofFailure('bad-proof-length', `${what} must have ${expected} hashes, got ${proof.length}`);
  proof.forEach((hash, i) => assertHash(`proof[${i}]`, hash));
}

async function checked(run: () => Promise<void>): Promise<ProofCheck> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof ProofFailure) return { ok: false, code: error.code, reason: error.message };
    throw error;
  }
}

export interface InclusionClaim {
  leafHash: Uint8Array;
  leafIndex: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  root: Uint8Array;
}

/** Does the audit path lead from the leaf to the root? Never throws for a bad claim: says why. */
export function verifyInclusion(claim: InclusionClaim): Promise<ProofCheck> {
  return checked(async () => {
    const { leafIndex, treeSize, proof, root } = claim;
    assertSize('tree size', treeSize);
    if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize)
      throw new ProofFailure('bad-leaf-index', `leaf index ${leafIndex} is not within a tree of ${treeSize}`);
    assertHash('leaf hash', claim.leafHash);
    assertHash('root', root);
    const onLeft = walk(leafIndex, treeSize - 1);
    assertLength(proof, onLeft.length, `inclusion proof for leaf ${leafIndex} in a tree of ${treeSize}`);
    let r = claim.leafHash;
    for (let i = 0; i < proof.length; i++) r = onLeft[i] ? await nodeHash(proof[i], r) : await nodeHash(r, proof[i]);
    if (!sameBytes(r, root))
      throw new ProofFailure(
        'inclusion-mismatch',
        `the proof for leaf ${leafIndex} leads to root ${hexOf(r)}, not the tree head's ${hexOf(root)} (size ${treeSize})`,
      );
  });
}

export interface ConsistencyClaim {
  first: number;
  second: number;
  firstRoot: Uint8Array;
  secondRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

/** Is the tree of size `second` an extension of the tree of size `first`? (RFC 9162 2.1.4.2) */
export function verifyConsistency(claim: ConsistencyClaim): Promise<ProofCheck> {
  return checked(async () => {
    const { first, second, firstRoot, secondRoot, proof } = claim;
    assertSize('first tree size', first);
    assertSize('second tree size', second);
    if (first > second)
      throw new ProofFailure('first-larger-than-second', `first tree size ${first} is larger than second ${second}`);
    assertHash('first root', firstRoot);
    assertHash('second root', secondRoot);
    if (first === 0 || first === second) {
      assertLength(proof, 0, `consistency proof ${first} -> ${second}`);
      if (first === 0) return rootMatches(await emptyRoot(), firstRoot, 'first tree head (size 0)');
      return rootMatches(firstRoot, secondRoot, `second tree head (same size ${second})`);
    }
    let [fn, sn] = [first - 1, second - 1];
    while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
    const both = walk(fn, sn);
    // A power-of-two old tree is itself a node of the new one, so the proof omits its root.
    const seedInProof = (first & (first - 1)) !== 0;
    assertLength(proof, both.length + (seedInProof ? 1 : 0), `consistency proof ${first} -> ${second}`);
    const path = seedInProof ? proof : [firstRoot, ...proof];
    let fr = path[0];
    let sr = fr;
    for (let i = 0; i < both.length; i++) {
      const c = path[i + 1];
      if (both[i]) [fr, sr] = [await nodeHash(c, fr), await nodeHash(c, sr)];
      else sr = await nodeHash(sr, c);
    }
    rootMatches(fr, firstRoot, `first tree head (size ${first})`);
    rootMatches(sr, secondRoot, `second tree head (size ${second})`);
  });
}

function rootMatches(computed: Uint8Array, expected: Uint8Array, what: string): void {
  if (!sameBytes(computed, expected))
    throw new ProofFailure(
      'consistency-mismatch',
      `the consistency proof leads to ${hexOf(computed)}, not the ${what} root ${hexOf(expected)}`,
    );
}
