import type { RateLimit } from '@bureaunet/contracts';

export type RateDecision =
  { allowed: true } | { allowed: false; refusal: { code: 'rate-limited'; message: string; retryAfterMs?: number } };

interface Bucket {
  tokens: number;
  capacity: number;
  updatedAt: number;
}

/**
 * Per-bureau token buckets: each bureau may burst up to one minute's allowance, then gets
 * messagesPerMinute / 60 envelopes a second. Over the limit is refused with the time until the
 * next envelope would fit, never dropped. Kept in memory: a restarted gateway starts every bucket
 * full, which errs towards delivering.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly nowMs: () => number) {}

  admit(code: string, recipients: number, limit: RateLimit): RateDecision {
    if (recipients > limit.recipientsPerMessage) {
      // Waiting does not help: the same envelope is refused again. No retry-after.
      return {
        allowed: false,
        refusal: {
          code: 'rate-limited',
          message: `${code} may address at most ${limit.recipientsPerMessage} bureaus per envelope, this one addresses ${recipients}`,
        },
      };
    }
    const bucket = this.refill(code, limit);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const perMs = limit.messagesPerMinute / 60_000;
    const retryAfterMs = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs));
    return {
      allowed: false,
      refusal: {
        code: 'rate-limited',
        message: `${code} is over its limit of ${limit.messagesPerMinute} envelopes a minute`,
        retryAfterMs,
      },
    };
  }

  private refill(code: string, limit: RateLimit): Bucket {
    const now = this.nowMs();
    const capacity = limit.messagesPerMinute;
    const bucket = this.buckets.get(code);
    if (!bucket) {
      const fresh = { tokens: capacity, capacity, updatedAt: now };
      this.buckets.set(code, fresh);
      return fresh;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    // A lowered limit takes effect at once; a raised one fills up at the new rate.
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * capacity) / 60_000);
    bucket.capacity = capacity;
    bucket.updatedAt = now;
    return bucket;
  }
}
