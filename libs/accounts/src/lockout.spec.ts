import { afterFailedSignIn, isLocked, UNLOCKED, type LockoutState } from './lockout';

const policy = { failures: 5, lockMs: 15 * 60_000 };
const at = (minutes: number) => new Date(Date.parse('2026-12-01T08:00:00.000Z') + minutes * 60_000);

function failTimes(times: number, now: Date, start: LockoutState = UNLOCKED): LockoutState {
  let state = start;
  for (let index = 0; index < times; index += 1) state = afterFailedSignIn(state, now, policy);
  return state;
}

describe('the lockout arithmetic', () => {
  it('counts failures in a row and locks at the fifth, for fifteen minutes', () => {
    expect(failTimes(4, at(0))).toEqual({ failedSignIns: 4, lockedUntil: null });
    const locked = failTimes(5, at(0));
    expect(locked).toEqual({ failedSignIns: 0, lockedUntil: at(15).toISOString() });
    expect(isLocked(locked, at(14.99))).toBe(true);
    expect(isLocked(locked, at(15))).toBe(false);
  });

  it('starts from zero after a lock has run out', () => {
    const locked = failTimes(5, at(0));
    expect(afterFailedSignIn(locked, at(20), policy)).toEqual({ failedSignIns: 1, lockedUntil: null });
  });

  it('is never locked without a lockedUntil', () => {
    expect(isLocked(UNLOCKED, at(0))).toBe(false);
  });
});
