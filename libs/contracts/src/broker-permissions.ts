import {
  DELIVERIES_STREAM,
  DIRECTORY_CHANGED_SUBJECT,
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_HEARTBEAT_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  CA_TRUST_SUBJECT,
  ENROL_SUBJECT,
  RENEW_SUBJECT,
  deliverSubject,
  deliveryConsumerName,
  submitSubject,
} from './subjects';
import { RULES_CHANGED_SUBJECT, RULES_GET_SUBJECT, operationsSubject } from './rules';
import { LEDGER_STH_SUBJECT } from './registry-event';

/**
 * What each party may do on the broker (DESIGN.md "Broker-level isolation"): a node publishes only
 * on its own submission subject and reads only its own delivery consumer; only the gateway
 * publishes deliveries. Replies travel on a per-user inbox prefix, so no one can read another's.
 */
export interface BrokerPermissions {
  user: string;
  inboxPrefix: string;
  publish: string[];
  subscribe: string[];
  /** May answer requests (publish once to the reply subject of a request it received). */
  allowResponses: boolean;
}

const inboxOf = (user: string): string => `_INBOX_${user}`;
const REGISTRY_EVENTS = ['bn.registry.>'];
const DIRECTORY_REQUESTS = [
  DIRECTORY_GET_SUBJECT,
  DIRECTORY_LIST_SUBJECT,
  ENROL_SUBJECT,
  RENEW_SUBJECT,
  CA_TRUST_SUBJECT,
];
const DIRECTORY_EVENTS = [DIRECTORY_CHANGED_SUBJECT, DIRECTORY_HEARTBEAT_SUBJECT];

export function registryPermissions(): BrokerPermissions {
  const user = 'registry';
  return {
    user,
    inboxPrefix: inboxOf(user),
    publish: [...REGISTRY_EVENTS, '$JS.API.>', `${inboxOf(user)}.>`],
    subscribe: [...REGISTRY_EVENTS, `${inboxOf(user)}.>`],
    allowResponses: true,
  };
}

export function gatewayPermissions(): BrokerPermissions {
  const user = 'gateway';
  return {
    user,
    inboxPrefix: inboxOf(user),
    // The gateway manages the streams and its own consumers; it alone publishes deliveries.
    publish: [
      deliverSubject('*'),
      ...DIRECTORY_REQUESTS,
      RULES_GET_SUBJECT,
      LEDGER_STH_SUBJECT,
      '$JS.API.>',
      '$JS.ACK.>',
    ],
    subscribe: [...DIRECTORY_EVENTS, RULES_CHANGED_SUBJECT, LEDGER_STH_SUBJECT, `${inboxOf(user)}.>`],
    allowResponses: false,
  };
}

/**
 * A node reads its own consumer and nothing else of JetStream: INFO to bind, MSG.NEXT to pull, ACK to
 * settle. It may not create, update or delete any consumer, since a node that could set its own
 * consumer's filter could read another bureau's deliveries (the gateway makes the consumers). No
 * `$JS.API.INFO` or `STREAM.INFO` either: the latter counts pending messages per subject.
 */
export function nodePermissions(code: string): BrokerPermissions {
  const user = `node-${code}`;
  const consumer = `${DELIVERIES_STREAM}.${deliveryConsumerName(code)}`;
  return {
    user,
    inboxPrefix: inboxOf(code),
    publish: [
      submitSubject(code),
      ...DIRECTORY_REQUESTS,
      operationsSubject(code),
      `$JS.API.CONSUMER.INFO.${consumer}`,
      `$JS.API.CONSUMER.MSG.NEXT.${consumer}`,
      `$JS.ACK.${consumer}.>`,
    ],
    subscribe: [...DIRECTORY_EVENTS, `${inboxOf(code)}.>`],
    allowResponses: false,
  };
}
