import { randomBytes } from 'node:crypto';
import { isAllZero, isCanonicalScalar } from './scalar.encoding';
import { SCALAR_BYTES } from './poprf.suite';

/**
 * Where blinds, proof nonces and generated keys come from: a canonical, non-zero scalar of 32
 * little-endian bytes per call. Tests inject a fixed one to replay RFC 9497's vectors; everything
 * else takes the default below.
 */
export type RandomScalar = () => Uint8Array;

/**
 * RFC 9497 section 4.7, rejection sampling: 32 random bytes with the bits above 2^253 cleared,
 * kept when below the group order and non-zero (accepted about half the time).
 */
export const systemRandomScalar: RandomScalar = () => {
  for (;;) {
    const candidate = randomBytes(SCALAR_BYTES);
    candidate[SCALAR_BYTES - 1] &= 0x1f;
    if (isCanonicalScalar(candidate) && !isAllZero(candidate)) return candidate;
  }
};
