import type { BureauCode } from '@bureaunet/contracts';
import { fullBucket, takeTokens, type TokenBucketLimit, type TokenBucketState, type TokenTake } from './token-bucket';

/** Bureau codes are two letters A–Z: the map can never hold more buckets than this. */
export const MAX_BUREAU_BUCKETS = 26 * 26;

/**
 * One token bucket per asking bureau, counted in blinded elements: every element is one guess at a
 * document number, so a batch of 50 costs 50. Kept in memory: a restarted evaluator (or each copy
 * in the queue group) starts every bucket full, so N copies allow up to N times the rate; the
 * limit bounds enumeration, it does not meter fairness to the element.
 */
export class BureauRateLimiter {
  private readonly buckets = new Map<BureauCode, TokenBucketState>();

  constructor(
    private readonly limit: TokenBucketLimit,
    private readonly nowMs: () => number,
  ) {
    if (
      !Number.isInteger(limit.perSecond) ||
      limit.perSecond < 1 ||
      !Number.isInteger(limit.capacity) ||
      limit.capacity < 1
    )
      throw new Error(
        `a rate limit needs whole numbers perSecond >= 1 and capacity >= 1, got ${JSON.stringify(limit)}`,
      );
  }

  take(bureau: BureauCode, elements: number): TokenTake {
    const now = this.nowMs();
    let bucket = this.buckets.get(bureau);
    if (!bucket) {
      // Codes are checked before they get here; the bound holds even if that ever changed.
      if (this.buckets.size >= MAX_BUREAU_BUCKETS) return { taken: false, retryAfterMs: 1000 };
      bucket = fullBucket(this.limit, now);
      this.buckets.set(bureau, bucket);
    }
    return takeTokens(bucket, elements, this.limit, now);
  }

  get size(): number {
    return this.buckets.size;
  }
}
