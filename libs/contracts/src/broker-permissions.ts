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
import {
  RULES_CHANGED_SUBJECT,
  RULES_GET_SUBJECT,
  operationHistorySubject,
  operationManageSubject,
  operationsSubject,
} from './rules';
import { groupsSubject } from './country-group';
import { LEDGER_STH_SUBJECT } from './registry-event';
import { ACTIVITY_ANCHOR_SUBJECT_WILDCARD, activityAnchorSubject } from './activity-anchor';
import {
  EVALUATE_SUBJECT_WILDCARD,
  EVALUATOR_KEY_SUBJECT,
  SLTD_ENTRY_SUBJECT_WILDCARD,
  SLTD_RESYNC_SUBJECT_WILDCARD,
  SLTD_STREAM,
  evaluateSubject,
  sltdConsumerName,
  sltdResyncSubject,
} from './border-check';
import { HUB_CODE } from './bureau-code';
import { RULES_PREVIEW_SUBJECT_WILDCARD, rulesPreviewSubject } from './rules-preview';

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
    // It answers the bureaus' rules previews, each asked on the bureau's own subject.
    subscribe: [
      ...DIRECTORY_EVENTS,
      RULES_CHANGED_SUBJECT,
      LEDGER_STH_SUBJECT,
      RULES_PREVIEW_SUBJECT_WILDCARD,
      // Nodes' activity log heads, answered with where each landed in the ledger.
      ACTIVITY_ANCHOR_SUBJECT_WILDCARD,
      `${inboxOf(user)}.>`,
    ],
    allowResponses: true,
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
  const own = code === HUB_CODE ? hubDatabasesPermissions() : { publish: [], subscribe: [] };
  return {
    user,
    inboxPrefix: inboxOf(code),
    publish: [
      submitSubject(code),
      ...DIRECTORY_REQUESTS,
      operationsSubject(code),
      // Its coordinators' operations, created and changed at the registry on its own subject.
      operationManageSubject(code),
      operationHistorySubject(code),
      // The country groups, to resolve group:<id> in `to` before encrypting.
      groupsSubject(code),
      rulesPreviewSubject(code),
      ...boundConsumer(`${DELIVERIES_STREAM}.${deliveryConsumerName(code)}`),
      // Border checks: blind evaluations asked on its own subject, its replica's consumer.
      evaluateSubject(code),
      EVALUATOR_KEY_SUBJECT,
      sltdResyncSubject(code),
      ...boundConsumer(`${SLTD_STREAM}.${sltdConsumerName(code)}`),
      // Its own activity log head, to the gateway's ledger.
      activityAnchorSubject(code),
      ...own.publish,
    ],
    subscribe: [...DIRECTORY_EVENTS, `${inboxOf(code)}.>`, ...own.subscribe],
    // The hub's databases service answers resync requests.
    allowResponses: code === HUB_CODE,
  };
}

/** Bind to a consumer the hub side made, pull from it and ack: nothing more. */
function boundConsumer(consumer: string): string[] {
  return [`$JS.API.CONSUMER.INFO.${consumer}`, `$JS.API.CONSUMER.MSG.NEXT.${consumer}`, `$JS.ACK.${consumer}.>`];
}

/**
 * The hub's databases service (on the hub's node) owns the replica stream: it publishes the
 * entries, keeps the stream and makes every bureau's consumer on it, and hears resync requests.
 */
function hubDatabasesPermissions(): { publish: string[]; subscribe: string[] } {
  return {
    publish: [
      SLTD_ENTRY_SUBJECT_WILDCARD,
      `$JS.API.STREAM.CREATE.${SLTD_STREAM}`,
      `$JS.API.STREAM.UPDATE.${SLTD_STREAM}`,
      `$JS.API.STREAM.INFO.${SLTD_STREAM}`,
      `$JS.API.CONSUMER.CREATE.${SLTD_STREAM}.>`,
      `$JS.API.CONSUMER.DURABLE.CREATE.${SLTD_STREAM}.>`,
      `$JS.API.CONSUMER.DELETE.${SLTD_STREAM}.>`,
      `$JS.API.CONSUMER.INFO.${SLTD_STREAM}.>`,
    ],
    subscribe: [SLTD_RESYNC_SUBJECT_WILDCARD],
  };
}

/**
 * The evaluator holds the POPRF key and nothing else: it hears evaluation requests (the subject
 * names the asking bureau) and key requests, and answers them.
 */
export function evaluatorPermissions(): BrokerPermissions {
  const user = 'evaluator';
  return {
    user,
    inboxPrefix: inboxOf(user),
    publish: [`${inboxOf(user)}.>`],
    subscribe: [EVALUATE_SUBJECT_WILDCARD, EVALUATOR_KEY_SUBJECT, `${inboxOf(user)}.>`],
    allowResponses: true,
  };
}
