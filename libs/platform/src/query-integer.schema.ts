import { z } from 'zod';

/**
 * A whole number from a query string or a path segment ("12" → 12), within bounds. Coerced as
 * Number() does, so "" and "0x10" read as before; anything not a whole number is refused.
 */
export function queryInteger(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce
    .number({ invalid_type_error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}
