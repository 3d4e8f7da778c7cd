import {
  REGISTRY_EVENTS_STREAM,
  REGISTRY_EVENTS_SUBJECT,
  SUBMISSIONS_STREAM,
  SUBMIT_SUBJECT_WILDCARD,
} from '@bureaunet/contracts';
import type { JetStreamConsumerOptions } from '@bureaunet/transport';

/** The gateway's own durable consumers: consumed by main.ts, their lag reported by readiness. */
export const GATEWAY_CONSUMERS: JetStreamConsumerOptions[] = [
  {
    stream: SUBMISSIONS_STREAM,
    durable: 'gateway',
    filterSubject: SUBMIT_SUBJECT_WILDCARD,
    // After a crash, what the dead instance held comes back within seconds.
    ackWaitMs: 10_000,
    // Senders side by side (their writes group-commit), each sender's envelopes in order.
    concurrency: 32,
    orderBy: 'subject',
    // A sender's next envelopes are parsed and verified while the one before commits and publishes.
    pipeline: 8,
  },
  // Registry changes into the ledger, one entry per event id.
  {
    stream: REGISTRY_EVENTS_STREAM,
    durable: 'gateway-ledger',
    filterSubject: REGISTRY_EVENTS_SUBJECT,
    ackWaitMs: 30_000,
  },
];
