import { EMPTY_ROOT, hashChildren, hashLeaf } from './rfc6962.hasher';

/*
 * RFC 6962 section 2.1, transcribed literally over the entries D[n] — slow and obviously right.
 * Only tests use it, to check the fast builder, verifier and compact range against.
 */

/** k: the largest power of two smaller than n (n > 1). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]). */
export function referenceRoot(entries: readonly Uint8Array[]): Buffer {
  const n = entries.length;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return hashLeaf(entries[0]);
  const k = splitPoint(n);
  return hashChildren(referenceRoot(entries.slice(0, k)), referenceRoot(entries.slice(k)));
}

/** PATH(m, D[n]): the audit path for leaf m, bottom-up. */
export function referencePath(m: number, entries: readonly Uint8Array[]): Buffer[] {
  const n = entries.length;
  if (m < 0 || m >= n) throw new RangeError(`PATH(${m}, D[${n}]) is undefined`);
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...referencePath(m, entries.slice(0, k)), referenceRoot(entries.slice(k))];
  return [...referencePath(m - k, entries.slice(k)), referenceRoot(entries.slice(0, k))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 < m <= n. */
export function referenceProof(m: number, entries: readonly Uint8Array[]): Buffer[] {
  if (m <= 0 || m > entries.length) throw new RangeError(`PROOF(${m}, D[${entries.length}]) is undefined`);
  return subproof(m, entries, true);
}

function subproof(m: number, entries: readonly Uint8Array[], b: boolean): Buffer[] {
  const n = entries.length;
  if (m === n) return b ? [] : [referenceRoot(entries)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(m, entries.slice(0, k), b), referenceRoot(entries.slice(k))];
  return [...subproof(m - k, entries.slice(k), false), referenceRoot(entries.slice(0, k))];
}
