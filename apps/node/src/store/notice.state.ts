import { DomainError, type NoticeState } from '@bureaunet/contracts';

/** The state an officer sees: an active notice past its review-by date has lapsed. */
export function effectiveNoticeState(stored: 'active' | 'cancelled', expiry: string, today: string): NoticeState {
  if (stored === 'cancelled') return 'cancelled';
  return expiry < today ? 'lapsed' : 'active';
}

/** The hub updates a notice that is not cancelled (a lapsed one is revived by a later expiry). */
export function assertUpdatable(number: string, stored: 'active' | 'cancelled'): void {
  if (stored === 'cancelled')
    throw new DomainError('notice-cancelled', `notice ${number} is cancelled and cannot be updated`, 'conflict');
}

/** A notice is cancelled once; a second cancellation is refused. */
export function assertCancellable(number: string, stored: 'active' | 'cancelled'): void {
  if (stored === 'cancelled')
    throw new DomainError('notice-cancelled', `notice ${number} is already cancelled`, 'conflict');
}

/** Only a pending request is decided. */
export function assertPending(id: string, state: string): void {
  if (state !== 'pending')
    throw new DomainError('request-decided', `notice request ${id} is already ${state}`, 'conflict');
}

/** A received revision replaces the held one only when it is newer. */
export function isNewerRevision(held: number | undefined, received: number): boolean {
  return held === undefined || received > held;
}

/** Notice numbers: A-<seq>/<year>, seq counting from 1 each year. */
export function noticeNumber(seq: number, year: number): string {
  return `A-${seq}/${year}`;
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}
