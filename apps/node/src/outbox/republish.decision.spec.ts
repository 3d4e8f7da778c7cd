import { decideRepublish, type RepublishPolicy, type RepublishProgress } from './republish.decision';

const policy: RepublishPolicy = { reportDeadlineMs: 60_000, receiptDeadlineMs: 3_600_000, maxAttempts: 3 };
const t0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms);
const iso = (ms: number) => at(ms).toISOString();

const fresh: RepublishProgress = {
  kind: 'message',
  createdAt: iso(0),
  expiresAt: iso(7 * 86_400_000),
  publishedAt: iso(0),
  reportStatus: null,
  reportedAt: null,
  attempts: 0,
  lastAttemptAt: iso(0),
  retryAt: null,
};
const accepted: RepublishProgress = { ...fresh, reportStatus: 'accepted', reportedAt: iso(1_000) };

describe('decideRepublish', () => {
  it('publishes at once what the bus never took and that never failed on its own', () => {
    expect(decideRepublish({ ...fresh, publishedAt: null }, ['MR'], at(0), policy)).toEqual({
      action: 'publish',
      attempt: 1,
      reason: 'never published',
    });
  });

  it('waits for the report until its deadline, then sends a copy', () => {
    expect(decideRepublish(fresh, ['MR'], at(59_999), policy)).toEqual({ action: 'wait', until: at(60_000) });
    expect(decideRepublish(fresh, ['MR'], at(60_000), policy)).toEqual({
      action: 'publish',
      attempt: 1,
      reason: 'no delivery report',
    });
  });

  it('doubles the deadline with every attempt', () => {
    const once = { ...fresh, attempts: 1, lastAttemptAt: iso(60_000) };
    expect(decideRepublish(once, ['MR'], at(60_000 + 119_999), policy)).toMatchObject({
      action: 'wait',
      until: at(60_000 + 120_000),
    });
    expect(decideRepublish(once, ['MR'], at(60_000 + 120_000), policy)).toMatchObject({
      action: 'publish',
      attempt: 2,
    });
  });

  it('backs off a message the bus refused on its own instead of retrying it every round', () => {
    const refused = { ...fresh, publishedAt: null, attempts: 1, lastAttemptAt: iso(0) };
    expect(decideRepublish(refused, ['MR'], at(1_000), policy)).toMatchObject({ action: 'wait', until: at(120_000) });
  });

  it('after a rate-limited refusal, waits for the time the gateway named', () => {
    const limited = { ...fresh, retryAt: iso(5_000) };
    expect(decideRepublish(limited, ['MR'], at(4_999), policy)).toEqual({ action: 'wait', until: at(5_000) });
    expect(decideRepublish(limited, ['MR'], at(5_000), policy)).toEqual({
      action: 'publish',
      attempt: 1,
      reason: 'rate-limited by the gateway',
    });
  });

  it('once accepted, waits for receipts until the receipt deadline, then sends a copy for those missing', () => {
    expect(decideRepublish(accepted, ['MR'], at(1_000 + 3_599_999), policy)).toMatchObject({ action: 'wait' });
    expect(decideRepublish(accepted, ['DK', 'MR'], at(1_000 + 3_600_000), policy)).toEqual({
      action: 'publish',
      attempt: 1,
      reason: 'no receipt from DK, MR',
    });
  });

  it('is settled when refused, when every recipient is decided, and for a receipt once accepted', () => {
    expect(decideRepublish({ ...fresh, reportStatus: 'refused' }, [], at(10 * 86_400_000), policy)).toEqual({
      action: 'settled',
    });
    expect(decideRepublish(accepted, [], at(10 * 86_400_000), policy)).toEqual({ action: 'settled' });
    expect(decideRepublish({ ...accepted, kind: 'receipt' }, ['FR'], at(10 * 86_400_000), policy)).toEqual({
      action: 'settled',
    });
  });

  it('goes overdue when the attempts are spent', () => {
    const spent = { ...accepted, attempts: 3, lastAttemptAt: iso(10_000) };
    expect(decideRepublish(spent, ['MR'], at(10_000 + 8 * 3_600_000), policy)).toEqual({
      action: 'overdue',
      reason: 'no receipt from MR after 3 republishes',
    });
  });

  it('goes overdue rather than send an envelope the gateway would refuse as expired', () => {
    const expiring = { ...fresh, expiresAt: iso(30_000) };
    expect(decideRepublish(expiring, ['MR'], at(60_000), policy)).toEqual({
      action: 'overdue',
      reason: `expired at ${iso(30_000)} (no delivery report)`,
    });
  });
});
