import { BureauRateLimiter, MAX_BUREAU_BUCKETS } from './bureau-rate.limiter';

describe('BureauRateLimiter', () => {
  let now = 0;
  const limiter = () => new BureauRateLimiter({ perSecond: 10, capacity: 256 }, () => now);

  beforeEach(() => (now = 0));

  it('keeps one bucket per bureau: one bureau over its limit does not hold back another', () => {
    const limits = limiter();
    expect(limits.take('DK', 256)).toEqual({ taken: true });
    expect(limits.take('DK', 1)).toEqual({ taken: false, retryAfterMs: 100 });
    expect(limits.take('MR', 256)).toEqual({ taken: true });
    now = 100;
    expect(limits.take('DK', 1)).toEqual({ taken: true });
    expect(limits.size).toBe(2);
  });

  it('is bounded by the number of two-letter codes', () => {
    const limits = limiter();
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters) for (const b of letters) limits.take(`${a}${b}`, 1);
    expect(limits.size).toBe(MAX_BUREAU_BUCKETS);
    expect(limits.take('AAA', 1)).toEqual({ taken: false, retryAfterMs: 1000 });
    expect(limits.size).toBe(MAX_BUREAU_BUCKETS);
  });

  it('refuses a limit that could never admit anything', () => {
    expect(() => new BureauRateLimiter({ perSecond: 0, capacity: 10 }, () => 0)).toThrow(/perSecond >= 1/);
    expect(() => new BureauRateLimiter({ perSecond: 0.5, capacity: 10 }, () => 0)).toThrow(/whole numbers/);
  });
});
