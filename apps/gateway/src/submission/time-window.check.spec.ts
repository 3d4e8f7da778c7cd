import { checkTimeWindow } from './time-window.check';

const window = { skewMs: 60_000, maxAgeMs: 3_600_000 };
const now = new Date('2026-11-25T12:00:00.000Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

describe('checkTimeWindow', () => {
  it('accepts an envelope made now that expires later', () => {
    expect(checkTimeWindow({ createdAt: at(0), expiresAt: at(60_000) }, now, window)).toBeUndefined();
  });

  it('tolerates a sender clock ahead by less than the skew', () => {
    expect(checkTimeWindow({ createdAt: at(59_000), expiresAt: at(120_000) }, now, window)).toBeUndefined();
  });

  it('refuses a future-dated envelope', () => {
    expect(checkTimeWindow({ createdAt: at(61_000), expiresAt: at(120_000) }, now, window)?.code).toBe('future-dated');
  });

  it('refuses a stale envelope older than the acceptance window', () => {
    expect(checkTimeWindow({ createdAt: at(-3_600_001), expiresAt: at(60_000) }, now, window)?.code).toBe('stale');
  });

  it('refuses an expired envelope', () => {
    const refusal = checkTimeWindow({ createdAt: at(-120_000), expiresAt: at(-61_000) }, now, window);
    expect(refusal).toEqual({ code: 'expired', message: expect.stringContaining('expired at') });
  });
});
