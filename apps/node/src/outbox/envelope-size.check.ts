import { DomainError } from '@bureaunet/contracts';
import { MAX_ENVELOPE_BYTES } from '@bureaunet/crypto';
import { MAX_MESSAGE_BYTES } from '@bureaunet/transport';

/**
 * Room left for the NATS headers (Nats-Msg-Id here, the gateway's own when it forwards the same
 * bytes): nats-server counts headers and payload together against max_payload.
 */
export const BUS_HEADER_ALLOWANCE_BYTES = 4_096;

/** The largest sealed envelope that every hop (submission, delivery) can carry. */
export const MAX_SENDABLE_ENVELOPE_BYTES = Math.min(MAX_ENVELOPE_BYTES, MAX_MESSAGE_BYTES) - BUS_HEADER_ALLOWANCE_BYTES;

/**
 * Refuses, before anything is stored, an envelope the bus could never publish: its size grows with
 * the body and with every recipient's key entry, so the sealed bytes are what is measured.
 */
export function assertSendableSize(sealedBytes: number, limit = MAX_SENDABLE_ENVELOPE_BYTES): void {
  if (sealedBytes > limit) {
    throw new DomainError(
      'too-large',
      `sealed envelope of ${sealedBytes} bytes exceeds the ${limit} bytes the bus carries: send a smaller body or fewer recipients`,
      'too-large',
    );
  }
}
