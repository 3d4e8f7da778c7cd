import type { EnvelopePayload, Refusal } from '@bureaunet/contracts';

/** What the gateway kept of an accepted envelope that a receipt may answer. */
export interface ReceiptableEnvelope {
  sender: string;
  digest: string;
  deliveredTo: readonly string[];
}

export type ReceiptCheck =
  { status: 'valid' } | { status: 'duplicate'; refusal: Refusal } | { status: 'refused'; refusal: Refusal };

/**
 * A receipt answers one envelope the gateway accepted (same id and digest), that was delivered to
 * the receipt's sender, and goes back to that envelope's sender only. One per recipient and
 * envelope: a second is a duplicate, a no-op. So accepted receipts never outnumber deliveries,
 * and the access rules (the hub is always reachable) never make a receipt of what is not one.
 */
export function checkReceipt(
  receipt: Pick<EnvelopePayload, 'id' | 'from' | 'to' | 'meta'>,
  named: ReceiptableEnvelope | undefined,
  receiptedBy: string | undefined,
): ReceiptCheck {
  const reference = receipt.meta.receiptFor;
  if (!reference)
    return refused('receipt-unknown-envelope', `receipt ${receipt.id} names no envelope in meta.receiptFor`);
  if (!named || named.digest !== reference.digest) {
    return refused(
      'receipt-unknown-envelope',
      `meta.receiptFor names envelope ${reference.id} with digest ${reference.digest}, which the gateway never accepted`,
    );
  }
  if (!named.deliveredTo.includes(receipt.from)) {
    return refused(
      'receipt-not-recipient',
      `envelope ${reference.id} was not delivered to ${receipt.from}, so ${receipt.from} cannot receipt it`,
    );
  }
  if (receipt.to === 'all' || receipt.to.length !== 1 || receipt.to[0] !== named.sender) {
    return refused(
      'receipt-misaddressed',
      `a receipt for ${reference.id} goes to its sender ${named.sender} only, not to ${receipt.to === 'all' ? 'all' : receipt.to.join(', ')}`,
    );
  }
  if (receiptedBy !== undefined && receiptedBy !== receipt.id) {
    return {
      status: 'duplicate',
      refusal: {
        code: 'duplicate-receipt',
        message: `${receipt.from} already receipted ${reference.id} with receipt ${receiptedBy}: this one has no effect`,
      },
    };
  }
  return { status: 'valid' };
}

function refused(code: Refusal['code'], message: string): ReceiptCheck {
  return { status: 'refused', refusal: { code, message } };
}
