import { sessionEndsAt } from './session.expiry';

describe('when a session ends', () => {
  const idleMs = 30 * 60_000;

  it('is the idle end while it comes before the absolute end', () => {
    expect(
      sessionEndsAt(
        { lastSeenAt: '2026-12-01T08:00:00.000Z', expiresAt: '2026-12-01T20:00:00.000Z' },
        idleMs,
      ).toISOString(),
    ).toBe('2026-12-01T08:30:00.000Z');
  });

  it('is the absolute end however recently the session was used', () => {
    expect(
      sessionEndsAt(
        { lastSeenAt: '2026-12-01T19:50:00.000Z', expiresAt: '2026-12-01T20:00:00.000Z' },
        idleMs,
      ).toISOString(),
    ).toBe('2026-12-01T20:00:00.000Z');
  });
});
