import { fullBucket, takeTokens, type TokenBucketLimit } from './token-bucket';

const LIMIT: TokenBucketLimit = { perSecond: 200, capacity: 2000 };

describe('takeTokens', () => {
  it('lets a full bucket burst up to its capacity, then refuses', () => {
    const bucket = fullBucket(LIMIT, 0);
    expect(takeTokens(bucket, 1500, LIMIT, 0)).toEqual({ taken: true });
    expect(takeTokens(bucket, 500, LIMIT, 0)).toEqual({ taken: true });
    expect(takeTokens(bucket, 1, LIMIT, 0)).toEqual({ taken: false, retryAfterMs: 5 });
  });

  it('counts a batch by its elements and says how long until the whole batch fits', () => {
    const bucket = fullBucket(LIMIT, 0);
    takeTokens(bucket, 2000, LIMIT, 0);
    // 50 elements at 200 a second: 250 ms.
    expect(takeTokens(bucket, 50, LIMIT, 0)).toEqual({ taken: false, retryAfterMs: 250 });
    expect(takeTokens(bucket, 50, LIMIT, 249)).toEqual({ taken: false, retryAfterMs: 1 });
    expect(takeTokens(bucket, 50, LIMIT, 250)).toEqual({ taken: true });
  });

  it('takes nothing when it refuses', () => {
    const bucket = fullBucket(LIMIT, 0);
    takeTokens(bucket, 1990, LIMIT, 0);
    expect(takeTokens(bucket, 11, LIMIT, 0).taken).toBe(false);
    expect(takeTokens(bucket, 10, LIMIT, 0)).toEqual({ taken: true });
  });

  it('refills at the sustained rate and never beyond the capacity', () => {
    const bucket = fullBucket(LIMIT, 0);
    takeTokens(bucket, 2000, LIMIT, 0);
    expect(takeTokens(bucket, 200, LIMIT, 1000)).toEqual({ taken: true });
    expect(takeTokens(bucket, 2000, LIMIT, 3_600_000)).toEqual({ taken: true });
    expect(takeTokens(bucket, 1, LIMIT, 3_600_000).taken).toBe(false);
  });

  it('refills nothing while the clock goes back, and counts from the latest time seen', () => {
    const bucket = fullBucket(LIMIT, 10_000);
    takeTokens(bucket, 2000, LIMIT, 10_000);
    expect(takeTokens(bucket, 1, LIMIT, 5_000)).toEqual({ taken: false, retryAfterMs: 5 });
    expect(takeTokens(bucket, 200, LIMIT, 11_000)).toEqual({ taken: true });
  });

  it('never promises a cost above the capacity', () => {
    expect(takeTokens(fullBucket(LIMIT, 0), 2001, LIMIT, 0)).toEqual({
      taken: false,
      retryAfterMs: Number.POSITIVE_INFINITY,
    });
  });
});
