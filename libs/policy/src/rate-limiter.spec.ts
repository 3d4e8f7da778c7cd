import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  let now = 0;
  const limiter = () => new RateLimiter(() => now);
  const limit = { messagesPerMinute: 6, recipientsPerMessage: 3 };

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a bureau burst up to a minute’s allowance, then refuses with the time to wait', () => {
    const rates = limiter();
    for (let index = 0; index < 6; index += 1) expect(rates.admit('DK', 1, limit)).toEqual({ allowed: true });
    expect(rates.admit('DK', 1, limit)).toEqual({
      allowed: false,
      refusal: { code: 'rate-limited', message: 'DK is over its limit of 6 envelopes a minute', retryAfterMs: 10_000 },
    });
  });

  it('accepts again once the retry-after has passed, and not a millisecond before', () => {
    const rates = limiter();
    for (let index = 0; index < 6; index += 1) rates.admit('DK', 1, limit);
    now += 4_000;
    const refused = rates.admit('DK', 1, limit);
    expect(refused).toMatchObject({ allowed: false, refusal: { retryAfterMs: 6_000 } });
    now += 5_999;
    expect(rates.admit('DK', 1, limit).allowed).toBe(false);
    now += 1;
    expect(rates.admit('DK', 1, limit).allowed).toBe(true);
  });

  it('keeps each bureau’s bucket apart, so one flooding bureau does not starve another', () => {
    const rates = limiter();
    for (let index = 0; index < 10; index += 1) rates.admit('DK', 1, limit);
    expect(rates.admit('DK', 1, limit).allowed).toBe(false);
    expect(rates.admit('MR', 1, limit).allowed).toBe(true);
  });

  it('refuses too many recipients without a retry-after and without using up the allowance', () => {
    const rates = limiter();
    expect(rates.admit('DK', 4, limit)).toEqual({
      allowed: false,
      refusal: { code: 'rate-limited', message: 'DK may address at most 3 bureaus per envelope, this one addresses 4' },
    });
    for (let index = 0; index < 6; index += 1) expect(rates.admit('DK', 3, limit).allowed).toBe(true);
  });

  it('applies a lowered limit at once and refills no higher than the new allowance', () => {
    const rates = limiter();
    rates.admit('DK', 1, limit);
    const lowered = { messagesPerMinute: 1, recipientsPerMessage: 3 };
    expect(rates.admit('DK', 1, lowered).allowed).toBe(true);
    expect(rates.admit('DK', 1, lowered)).toMatchObject({ allowed: false, refusal: { retryAfterMs: 60_000 } });
    now += 3_600_000;
    expect(rates.admit('DK', 1, lowered).allowed).toBe(true);
    expect(rates.admit('DK', 1, lowered).allowed).toBe(false);
  });

  it('does not refill when the clock goes backwards', () => {
    const rates = limiter();
    for (let index = 0; index < 6; index += 1) rates.admit('DK', 1, limit);
    now -= 60_000;
    expect(rates.admit('DK', 1, limit).allowed).toBe(false);
  });
});
