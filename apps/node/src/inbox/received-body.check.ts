import { jsonDepthExceeds, MAX_BODY_DEPTH } from '@bureaunet/contracts';
import { MAX_ENVELOPE_BYTES } from '@bureaunet/crypto';
import { DeliveryRefusal } from '../delivery/delivery-refusal';

/** A body never outgrows the envelope that carried it; said here so the check does not rely on it. */
export const MAX_RECEIVED_BODY_BYTES = MAX_ENVELOPE_BYTES;

/**
 * Bounds a decrypted body before anything stores or serializes it: the depth first (iteratively,
 * so serializing it afterwards cannot overflow the stack), then its size as JSON. A body past
 * either bound is refused for good, never retried.
 */
export function checkReceivedBody(envelopeId: string, body: unknown): void {
  if (jsonDepthExceeds(body, MAX_BODY_DEPTH)) {
    throw new DeliveryRefusal(
      'too-deep',
      `envelope ${envelopeId}: the body nests deeper than ${MAX_BODY_DEPTH} levels`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
  if (bytes > MAX_RECEIVED_BODY_BYTES) {
    throw new DeliveryRefusal(
      'too-large',
      `envelope ${envelopeId}: the body is ${bytes} bytes as JSON, more than ${MAX_RECEIVED_BODY_BYTES}`,
    );
  }
}
