import type { RateLimit } from '@bureaunet/contracts';

export type RateDecision =
  { allowed: true } | { allowed: false; refusal: { code: 'rate-limited'; message: string; retryAfterMs?: number } };

/** A bureau's token bucket: what is kept between decisions (in memory here, in a table at the gateway). */
export interface TokenBucket {
  tokens: number;
  /** Clock ms of the last refill. */
  updatedAt: number;
}

/**
 * One decision on a bureau's bucket: each bureau may burst up to one minute's allowance, then gets
 * messagesPerMinute / 60 envelopes a second. Over the limit is refused with the time until the
 * next envelope would fit, never dropped. Pure: the bucket after the decision is returned (a
 * bucket never seen starts full).
 */
export function admitToBucket(
  bucket: TokenBucket | undefined,
  nowMs: number,
  code: string,
  recipients: number,
  limit: RateLimit,
): { decision: RateDecision; bucket: TokenBucket | undefined } {
  if (recipients > limit.recipientsPerMessage) {
    // Waiting does not help: the same envelope is refused again. No retry-after.
    return {
      bucket,
      decision: {
        allowed: false,
        refusal: {
          code: 'rate-limited',
          message: `${code} may address at most ${limit.recipientsPerMessage} bureaus per envelope, this one addresses ${recipients}`,
        },
      },
    };
  }
  const refilled = refill(bucket, nowMs, limit);
  if (refilled.tokens >= 1)
    return { decision: { allowed: true }, bucket: { ...refilled, tokens: refilled.tokens - 1 } };
  const perMs = limit.messagesPerMinute / 60_000;
  const retryAfterMs = Math.max(1, Math.ceil((1 - refilled.tokens) / perMs));
  return {
    bucket: refilled,
    decision: {
      allowed: false,
      refusal: {
        code: 'rate-limited',
        message: `${code} is over its limit of ${limit.messagesPerMinute} envelopes a minute`,
        retryAfterMs,
      },
    },
  };
}

function refill(bucket: TokenBucket | undefined, now: number, limit: RateLimit): TokenBucket {
  const capacity = limit.messagesPerMinute;
  if (!bucket) return { tokens: capacity, updatedAt: now };
  const elapsed = Math.max(0, now - bucket.updatedAt);
  // A lowered limit takes effect at once; a raised one fills up at the new rate.
  return {
    tokens: Math.min(capacity, bucket.tokens + (elapsed * capacity) / 60_000),
    updatedAt: now,
  };
}

/**
 * Per-bureau token buckets (admitToBucket) kept in memory: a restarted process starts every
 * bucket full, which errs towards delivering.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly nowMs: () => number) {}

  admit(code: string, recipients: number, limit: RateLimit): RateDecision {
    const { decision, bucket } = admitToBucket(this.buckets.get(code), this.nowMs(), code, recipients, limit);
    if (bucket) this.buckets.set(code, bucket);
    return decision;
  }
}
