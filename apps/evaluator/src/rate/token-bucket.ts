/** Sustained refill and capacity of a bucket, in whole tokens (one token is one blinded element). */
export interface TokenBucketLimit {
  perSecond: number;
  capacity: number;
}

/**
 * Tokens kept in thousandths: with whole-number limits and millisecond clocks every refill is a
 * whole number of them, so no rounding drift makes "retry in 1 ms" wrong.
 */
export interface TokenBucketState {
  milliTokens: number;
  updatedAtMs: number;
}

export type TokenTake = { taken: true } | { taken: false; retryAfterMs: number };

/** A full bucket: a party never seen before (or since a restart) may burst at once. */
export function fullBucket(limit: TokenBucketLimit, nowMs: number): TokenBucketState {
  return { milliTokens: limit.capacity * 1000, updatedAtMs: nowMs };
}

/**
 * Refills for the time since the last take, then takes `cost` tokens or none. A refusal says how
 * long until `cost` tokens are there, so waiting that long and asking again succeeds (unless
 * someone else took them). A clock that moved back refills nothing. Mutates `state`.
 */
export function takeTokens(state: TokenBucketState, cost: number, limit: TokenBucketLimit, nowMs: number): TokenTake {
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
  state.milliTokens = Math.min(limit.capacity * 1000, state.milliTokens + elapsedMs * limit.perSecond);
  state.updatedAtMs = Math.max(state.updatedAtMs, nowMs);
  const needed = cost * 1000;
  if (needed <= state.milliTokens) {
    state.milliTokens -= needed;
    return { taken: true };
  }
  if (cost > limit.capacity) return { taken: false, retryAfterMs: Number.POSITIVE_INFINITY };
  return { taken: false, retryAfterMs: Math.max(1, Math.ceil((needed - state.milliTokens) / limit.perSecond)) };
}
