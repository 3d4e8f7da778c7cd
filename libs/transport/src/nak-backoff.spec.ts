import { nakDelayMs } from './nak-backoff';

describe('nakDelayMs', () => {
  it('doubles from 1 s per delivery and stops at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100].map(nakDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('treats a missing or nonsensical count as a first delivery', () => {
    expect(nakDelayMs(0)).toBe(1_000);
    expect(nakDelayMs(-3)).toBe(1_000);
  });
});
