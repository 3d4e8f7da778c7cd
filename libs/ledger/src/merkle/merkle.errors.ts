/** Stable, machine-readable reasons a Merkle operation refuses. The message is for people. */
export const MERKLE_ERROR_CODES = [
  'inclusion-mismatch',
  'consistency-mismatch',
  'bad-proof-length',
  'bad-hash-length',
  'bad-tree-size',
  'index-out-of-range',
  'first-larger-than-second',
  'size-beyond-log',
  'bad-subtree-range',
  'bad-compact-range',
] as const;

export type MerkleErrorCode = (typeof MERKLE_ERROR_CODES)[number];

export class MerkleProofError extends Error {
  override readonly name = 'MerkleProofError';

  constructor(
    readonly code: MerkleErrorCode,
    message: string,
  ) {
    super(message);
  }
}
