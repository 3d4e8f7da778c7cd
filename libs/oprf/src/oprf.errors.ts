/** Stable, machine-readable reasons an OPRF operation refuses. The message is for people. */
export const OPRF_ERROR_CODES = [
  'bad-input-length',
  'bad-info-length',
  'bad-seed-length',
  'bad-element-encoding',
  'identity-element',
  'bad-scalar-encoding',
  'zero-scalar',
  'bad-proof-encoding',
  'proof-mismatch',
  'empty-batch',
  'inverse-error',
  'derive-key-pair-error',
] as const;

export type OprfErrorCode = (typeof OPRF_ERROR_CODES)[number];

export class OprfError extends Error {
  override readonly name = 'OprfError';

  constructor(
    readonly code: OprfErrorCode,
    message: string,
  ) {
    super(message);
  }
}
