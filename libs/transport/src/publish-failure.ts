import { JetStreamApiError } from '@nats-io/jetstream';
import { errors } from '@nats-io/transport-node';

/** JetStream's "message size exceeds maximum allowed" (the stream's max_msg_size). */
const MESSAGE_SIZE_EXCEEDS_MAXIMUM = 10_054;

/**
 * Why a publish failed, for a sender that must tell "the bus is down" (stop for now, every message
 * would fail alike) from "this message fails" (record it, go on with the next): only a refusal of
 * this message's own bytes is the message's fault; the connection, the server, the stream or the
 * store failing is the bus's.
 */
export type PublishFailure = 'bus-unavailable' | 'message-refused';

export function publishFailureOf(error: unknown): PublishFailure {
  // The client's own max_payload check (headers and payload together).
  if (error instanceof errors.InvalidArgumentError) return 'message-refused';
  if (error instanceof JetStreamApiError && error.code === MESSAGE_SIZE_EXCEEDS_MAXIMUM) return 'message-refused';
  return 'bus-unavailable';
}
