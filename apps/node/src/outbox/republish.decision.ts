import type { SentMessageEntity } from '../store/sent-message.entity';

export interface RepublishPolicy {
  reportDeadlineMs: number;
  receiptDeadlineMs: number;
  maxAttempts: number;
}

export type RepublishProgress = Pick<
  SentMessageEntity,
  | 'kind'
  | 'createdAt'
  | 'expiresAt'
  | 'publishedAt'
  | 'reportStatus'
  | 'reportedAt'
  | 'attempts'
  | 'lastAttemptAt'
  | 'retryAt'
>;

export type RepublishDecision =
  /** Nothing more is awaited: refused, or every recipient decided and receipted. */
  | { action: 'settled' }
  | { action: 'wait'; until: Date }
  | { action: 'publish'; attempt: number; reason: string }
  /** Attempts spent or the envelope expired: the open recipients are marked overdue and alerted on. */
  | { action: 'overdue'; reason: string };

// Doubling stops here, so a deadline never grows past 2^10 times its base.
const MAX_DOUBLINGS = 10;

/**
 * What the sender does next with one stored envelope. A copy goes out again when its delivery
 * report is late (the stream may have lost it) or, once accepted, when a recipient's receipt is
 * late (the deliveries stream may have lost it: the gateway answers a second copy by re-publishing
 * its deliveries). Each attempt doubles the wait; after maxAttempts, or past expiresAt (the
 * gateway would refuse it as expired), the open recipients are overdue.
 * `open`: recipients neither refused nor receipted.
 */
export function decideRepublish(
  message: RepublishProgress,
  open: readonly string[],
  now: Date,
  policy: RepublishPolicy,
): RepublishDecision {
  if (message.reportStatus === 'refused') return { action: 'settled' };
  // Nobody receipts a receipt: its accepted report is the end.
  if (message.reportStatus === 'accepted' && (open.length === 0 || message.kind === 'receipt'))
    return { action: 'settled' };

  const { due, reason } = dueTime(message, open, policy);
  if (now.getTime() < due) return { action: 'wait', until: new Date(due) };
  if (now.getTime() >= Date.parse(message.expiresAt))
    return { action: 'overdue', reason: `expired at ${message.expiresAt} (${reason})` };
  if (message.attempts >= policy.maxAttempts)
    return { action: 'overdue', reason: `${reason} after ${message.attempts} republishes` };
  return { action: 'publish', attempt: message.attempts + 1, reason };
}

function dueTime(
  message: RepublishProgress,
  open: readonly string[],
  policy: RepublishPolicy,
): { due: number; reason: string } {
  const lastAttempt = Date.parse(message.lastAttemptAt ?? message.createdAt);
  if (message.reportStatus === null) {
    // Never confirmed by the stream and never failed on its own: due at once (the bus was down).
    if (message.publishedAt === null && message.attempts === 0) return { due: lastAttempt, reason: 'never published' };
    if (message.retryAt !== null) return { due: Date.parse(message.retryAt), reason: 'rate-limited by the gateway' };
    return { due: lastAttempt + backoff(policy.reportDeadlineMs, message.attempts), reason: 'no delivery report' };
  }
  const since = Math.max(lastAttempt, Date.parse(message.reportedAt ?? message.createdAt));
  return {
    due: since + backoff(policy.receiptDeadlineMs, message.attempts),
    reason: `no receipt from ${open.join(', ')}`,
  };
}

export function backoff(baseMs: number, attempts: number): number {
  return baseMs * 2 ** Math.min(attempts, MAX_DOUBLINGS);
}
