/** Consecutive failed sign-ins before an account locks, and how long it stays locked. */
export interface LockoutPolicy {
  failures: number;
  lockMs: number;
}

export interface LockoutState {
  failedSignIns: number;
  /** ISO 8601; null when not locked. */
  lockedUntil: string | null;
}

/** Locked while now is before lockedUntil. */
export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < Date.parse(state.lockedUntil);
}

/**
 * After a wrong password (never asked while locked: a locked account is refused before any check):
 * one more failure, and a lock when it is the policy's n-th in a row. A lock that has run out
 * counts from zero again.
 */
export function afterFailedSignIn(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState {
  const failed = (state.lockedUntil === null ? state.failedSignIns : 0) + 1;
  if (failed >= policy.failures)
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + policy.lockMs).toISOString() };
  return { failedSignIns: failed, lockedUntil: null };
}

/** After a good sign-in or an administrator's unlock. */
export const UNLOCKED: LockoutState = { failedSignIns: 0, lockedUntil: null };
