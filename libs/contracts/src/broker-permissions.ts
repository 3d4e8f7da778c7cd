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
  submitSubject,
} from './subjects';

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
const DIRECTORY_REQUESTS = [DIRECTORY_GET_SUBJECT, DIRECTORY_LIST_SUBJECT, ENROL_SUBJECT, RENEW_SUBJECT, CA_TRUST_SUBJECT, 'bn.registry.rules.get'];
const DIRECTORY_EVENTS = [DIRECTORY_CHANGED_SUBJECT, DIRECTORY_HEARTBEAT_SUBJECT, 'bn.registry.rules.changed', 'bn.ledger.sth'];

export function registryPermissions(): BrokerPermissions {
  const user = 'registry';
  return { user, inboxPrefix: inboxOf(user), publish: [...REGISTRY_EVENTS, '$JS.API.>', `${inboxOf(user)}.>`], subscribe: [...REGISTRY_EVENTS, `${inboxOf(user)}.>`], allowResponses: true };
}

export function gatewayPermissions(): BrokerPermissions {
  const user = 'gateway';
  return {
    user,
    inboxPrefix: inboxOf(user),
    // The gateway manages the streams and its own consumers; it alone publishes deliveries.
    publish: [deliverSubject('*'), ...DIRECTORY_REQUESTS, 'bn.ledger.sth', '$JS.API.>', '$JS.ACK.>'],
    subscribe: [...DIRECTORY_EVENTS, `${inboxOf(user)}.>`],
    allowResponses: false,
  };
}

export function nodePermissions(code: string): BrokerPermissions {
  const user = `node-${code}`;
  const consumer = `${DELIVERIES_STREAM}.${user}`;
  return {
    user,
    inboxPrefix: inboxOf(code),
    publish: [
      submitSubject(code),
      ...DIRECTORY_REQUESTS,
      '$JS.API.INFO',
      `$JS.API.STREAM.INFO.${DELIVERIES_STREAM}`,
      `$JS.API.CONSUMER.INFO.${consumer}`,
      `$JS.API.CONSUMER.CREATE.${consumer}`,
      `$JS.API.CONSUMER.CREATE.${consumer}.>`,
      `$JS.API.CONSUMER.DURABLE.CREATE.${consumer}`,
      `$JS.API.CONSUMER.MSG.NEXT.${consumer}`,
      `$JS.ACK.${consumer}.>`,
    ],
    subscribe: [...DIRECTORY_EVENTS, `${inboxOf(code)}.>`],
    allowResponses: false,
  };
}
