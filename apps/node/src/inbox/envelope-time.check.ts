import type { EnvelopePayload } from '@bureaunet/contracts';
import { DeliveryRefusal } from '../delivery/delivery-refusal';

/**
 * The recipient's own time check, not trusting the gateway's: an envelope past its expiresAt, or
 * created further ahead of this node's clock than the tolerated skew, is refused. No maximum age:
 * a delivery may wait in the stream while this node is down, and is still good until it expires.
 */
export function checkEnvelopeTime(
  payload: Pick<EnvelopePayload, 'id' | 'createdAt' | 'expiresAt'>,
  now: Date,
  skewMs: number,
): void {
  const at = now.getTime();
  if (Date.parse(payload.expiresAt) <= at - skewMs) {
    throw new DeliveryRefusal(
      'expired',
      `envelope ${payload.id} expired at ${payload.expiresAt} (recipient clock ${now.toISOString()})`,
    );
  }
  if (Date.parse(payload.createdAt) > at + skewMs) {
    throw new DeliveryRefusal(
      'future-dated',
      `envelope ${payload.id} was created at ${payload.createdAt}, more than ${skewMs / 1000} s ahead of the recipient clock (${now.toISOString()})`,
    );
  }
}
