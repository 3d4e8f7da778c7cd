import type { Refusal } from '@bureaunet/contracts';

export const RECIPIENT_STATES = ['pending', 'delivered', 'refused', 'overdue', 'receipted', 'rejected'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export interface RecipientStatus {
  state: RecipientState;
  refusal: Refusal | null;
  /** When the recipient signed its receipt (or its rejection). */
  receiptedAt: string | null;
  /** Id of the receipt envelope (or of the signed rejection), kept as evidence. */
  receiptId: string | null;
}

/** What can happen to one addressee of a sent message: the gateway's verdict, then the recipient's receipt. */
export type RecipientEvent =
  | { type: 'delivered' }
  | { type: 'refused'; refusal: Refusal }
  | { type: 'receipted'; at: string; receiptId: string }
  /** The sender gave up republishing: no report or no receipt after every bounded attempt. */
  | { type: 'overdue' }
  /** The recipient refused the envelope itself, in a signed receipt naming the refusal. */
  | { type: 'rejected'; at: string; receiptId: string; refusal: Refusal };

// The gateway decides once (delivered or refused); overdue only follows pending or delivered; the
// recipient's signed answer (a receipt or a rejection, one per envelope) outranks any verdict, and
// the first answer stands.
export const RECIPIENT_STATE_RANK: Readonly<Record<RecipientState, number>> = {
  pending: 0,
  delivered: 1,
  refused: 1,
  overdue: 2,
  receipted: 3,
  rejected: 3,
};

export const PENDING: RecipientStatus = { state: 'pending', refusal: null, receiptedAt: null, receiptId: null };

/**
 * Monotonic: an event that would not move the state forward (a duplicate report, a verdict that
 * arrives after the receipt, a second receipt) leaves the status as it is.
 */
export function applyRecipientEvent(current: RecipientStatus, event: RecipientEvent): RecipientStatus {
  if (event.type === 'overdue' && current.state === 'refused') return current;
  const next = statusAfter(event);
  return RECIPIENT_STATE_RANK[next.state] > RECIPIENT_STATE_RANK[current.state] ? next : current;
}

/** The status an event gives a recipient that has none yet (or is pending). */
export function statusAfter(event: RecipientEvent): RecipientStatus {
  switch (event.type) {
    case 'delivered':
      return { ...PENDING, state: 'delivered' };
    case 'refused':
      return { ...PENDING, state: 'refused', refusal: event.refusal };
    case 'receipted':
      return { ...PENDING, state: 'receipted', receiptedAt: event.at, receiptId: event.receiptId };
    case 'overdue':
      return { ...PENDING, state: 'overdue' };
    case 'rejected':
      return {
        ...PENDING,
        state: 'rejected',
        refusal: event.refusal,
        receiptedAt: event.at,
        receiptId: event.receiptId,
      };
  }
}
