/** Stable, machine-readable reasons a note, checkpoint, cosignature or witness refuses. */
export const WITNESS_ERROR_CODES = [
  'malformed-note',
  'malformed-key',
  'malformed-checkpoint',
  'malformed-request',
  'unknown-origin',
  'no-trusted-signature',
  'bad-signature',
  'old-size-larger',
  'old-size-mismatch',
  'empty-tree-root',
  'bad-consistency-proof',
  'split-view',
  'quorum-not-met',
  'bad-policy',
] as const;

export type WitnessErrorCode = (typeof WITNESS_ERROR_CODES)[number];

export class WitnessError extends Error {
  override readonly name = 'WitnessError';

  constructor(
    readonly code: WitnessErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Both signed checkpoints, as received: what a witness keeps to show a log misbehaved. */
export interface MisbehaviourEvidence {
  origin: string;
  /** The checkpoint note the witness had cosigned (log signatures and its cosignature). */
  cosigned: string;
  /** The log-signed checkpoint note that contradicts it. */
  presented: string;
}

/**
 * A validly signed checkpoint that cannot follow the one the witness cosigned: `split-view` when
 * the log signed two roots for one size (proof by itself), `bad-consistency-proof` when the proof
 * offered does not lead from one to the other (a fork, or a broken log).
 */
export class LogMisbehaviourError extends WitnessError {
  constructor(
    code: 'split-view' | 'bad-consistency-proof',
    message: string,
    readonly evidence: MisbehaviourEvidence,
  ) {
    super(code, message);
  }
}
