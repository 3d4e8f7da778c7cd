import {
  REGISTRY_EVENTS_STREAM,
  REGISTRY_EVENTS_SUBJECT,
  SUBMISSIONS_STREAM,
  SUBMIT_SUBJECT_WILDCARD,
  submitSubject,
  type BureauCode,
} from '@bureaunet/contracts';
import type { JetStreamConsumerOptions } from '@bureaunet/transport';

/**
 * The one submissions consumer of the gateways before lanes (on `bn.submit.*`): deleted at start,
 * since the work queue refuses it beside the per-sender ones; what it had not acked stays in the
 * stream and the per-sender consumers deliver it.
 */
export const LEGACY_SUBMISSIONS_DURABLE = 'gateway';

/**
 * A sender's submissions, consumed by the gateway holding its partition (SubmissionLanes), one
 * consumer per sender so that a partition can change hands without splitting a sender.
 */
export function senderSubmissionsConsumer(code: BureauCode): JetStreamConsumerOptions {
  return {
    stream: SUBMISSIONS_STREAM,
    durable: `gateway-${code}`,
    filterSubject: submitSubject(code),
    pattern: SUBMIT_SUBJECT_WILDCARD,
    // After a crash, what the dead instance held comes back within seconds.
    ackWaitMs: 10_000,
    concurrency: 8,
    orderBy: 'subject',
    // The sender's next envelopes are parsed and verified while the one before commits and publishes.
    pipeline: 8,
  };
}

/** The gateway's own durable consumers besides the senders': consumed by main.ts, their lag reported by readiness. */
export const GATEWAY_CONSUMERS: JetStreamConsumerOptions[] = [
  // Registry changes into the ledger, one entry per event id.
  {
    stream: REGISTRY_EVENTS_STREAM,
    durable: 'gateway-ledger',
    filterSubject: REGISTRY_EVENTS_SUBJECT,
    ackWaitMs: 30_000,
  },
];
