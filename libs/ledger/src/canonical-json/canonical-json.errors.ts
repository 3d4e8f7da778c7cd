export const CANONICAL_JSON_ERROR_CODES = [
  'not-finite-number',
  'unsupported-type',
  'lone-surrogate',
  'cyclic-structure',
] as const;

export type CanonicalJsonErrorCode = (typeof CANONICAL_JSON_ERROR_CODES)[number];

/** Thrown for a value RFC 8785 cannot represent; `path` says where, as `$.a[2].b`. */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';

  constructor(
    readonly code: CanonicalJsonErrorCode,
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
