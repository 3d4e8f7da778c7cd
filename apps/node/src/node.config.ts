import { join } from 'node:path';
import { BORDER_CHECK_LIMITS, BUREAU_CODE_PATTERN } from '@bureaunet/contracts';
import { readRenewalPolicy, type RenewalPolicy } from '@bureaunet/identity';
import { postgresUrl } from '@bureaunet/persistence';
import { EnvReader, NatsCredentials, ROLES, RoleTokens, readNatsCredentials } from '@bureaunet/platform';
import { MAX_STREAM_REPLICAS } from '@bureaunet/transport';

export const NODE_CONFIG = Symbol('NODE_CONFIG');

/** A border check waits this long for the evaluator at most, then answers 503. */
export const DEFAULT_EVALUATOR_TIMEOUT_MS = 2_000;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** "role:token,role:token": known roles, tokens of 16+ characters without commas or spaces. */
const ROLE_TOKEN = `(${ROLES.join('|')}):[^,\\s]{16,}`;
const ROLE_TOKENS_PATTERN = new RegExp(`^${ROLE_TOKEN}(,${ROLE_TOKEN})*$`);

/** One bureau's node, read once from the environment (every bad variable reported together). */
export interface NodeConfig {
  /** This bureau's code (ISO 3166-1 alpha-2, or the hub's XH). */
  code: string;
  /** HTTP port; 0 lets the system pick a free one. */
  port: number;
  natsUrl: string;
  /** Set when the broker isolates each party (then the node reads its consumer but keeps no streams). */
  nats: NatsCredentials;
  /** Copies of each stream this service keeps (NATS_REPLICAS, 1..5; 1 when unset): 3 on a three-node NATS cluster. */
  natsReplicas?: number;
  /** SQLite database (node.sqlite, unless databaseUrl) and identity files. */
  dataDir: string;
  /** The PostgreSQL database (DATABASE_URL); unset, the node keeps node.sqlite in dataDir. */
  databaseUrl?: string;
  /** One-time token from the registry administrator; needed on first start only. */
  enrolmentToken?: string;
  directoryStalenessMs: number;
  /** expiresAt = createdAt + messageTtlMs for every envelope this node seals. */
  messageTtlMs: number;
  republishIntervalMs: number;
  /** Ceiling on node.sqlite (DATABASE_MAX_MB; SQLite only): past it a send answers 503 storage-full instead of filling the disk. */
  databaseMaxMb?: number;
  /** How long the first start waits for the gateway to provision this bureau's delivery consumer (CONSUMER_WAIT_MS). */
  consumerWaitMs: number;
  /** An envelope without a delivery report this long after it was published is published again. */
  reportDeadlineMs: number;
  /** A recipient delivered but without a receipt this long after the report is sent the envelope again. */
  receiptDeadlineMs: number;
  /** Republishes per envelope (each deadline doubling) before its open recipients are marked overdue. */
  republishMaxAttempts: number;
  /** Tolerated clock difference when this node checks an envelope's createdAt and expiresAt itself. */
  clockSkewMs: number;
  /** Failed deliveries before one is parked as a dead letter (about 15 s with the backoff at 5). */
  deadLetterAfter: number;
  /** Dead letters kept before the node stops parking (and acking) poison and alerts instead of dropping any. */
  deadLetterLimit: number;
  /** Bearer tokens of the node's HTTP API and the role each grants (NODE_ROLE_TOKENS, "officer:<token>,reviewer:<token>,…"). */
  roleTokens: string;
  /** The time the owner has to answer a hit sent from here: answerBy = checkedAt + this (NODE_HIT_DEADLINE_MS). */
  hitDeadlineMs: number;
  /** How often hits past their answerBy are marked overdue (NODE_HIT_SWEEP_INTERVAL_MS). */
  hitSweepIntervalMs: number;
  /** When to renew the certificates and warn of their expiry (CERT_RENEW_BEFORE_DAYS, CERT_WARN_DAYS, CERT_CHECK_INTERVAL_MS). */
  renewal?: RenewalPolicy;
  /** How long one request to the hub's evaluator may take before a check answers 503 (NODE_EVALUATOR_TIMEOUT_MS; default DEFAULT_EVALUATOR_TIMEOUT_MS). */
  evaluatorTimeoutMs?: number;
  /** Consoles' live event streams (GET /api/events): open at once per node, per person, and the heartbeat period. */
  events?: EventStreamLimits;
  /** How often the activity log's head is anchored in the gateway's ledger, when it grew (NODE_ACTIVITY_ANCHOR_MS). */
  activityAnchorMs?: number;
  /** When a query or request sent from here is due, by priority, and how often overdue ones are escalated. */
  requests?: RequestDeadlines;
  /** Where an evidence export gets what the node does not hold; unset: the export answers 503 naming it. */
  evidence?: EvidenceSourcesConfig;
}

/**
 * The gateway's trail (ledger proofs, cosigned checkpoint) and the registry's status statements,
 * status certificate and rule texts, over HTTP with a token of the auditor role at each.
 */
export interface EvidenceSourcesConfig {
  /** NODE_EVIDENCE_GATEWAY_URL */
  gatewayUrl?: string;
  /** NODE_EVIDENCE_GATEWAY_TOKEN: an auditor token of the gateway's ledger API. */
  gatewayToken?: string;
  /** NODE_EVIDENCE_REGISTRY_URL */
  registryUrl?: string;
  /** NODE_EVIDENCE_REGISTRY_TOKEN: an auditor token of the registry (rule texts by version). */
  registryToken?: string;
}

/**
 * The time a recipient has to answer a query or request, by meta.priority (no priority: routine).
 * Defaults from Directive (EU) 2023/977: 8 hours for urgent requests on directly accessible data,
 * 3 days for other urgent ones, 7 days otherwise; "immediate" is this network's urgent-and-direct.
 */
export interface RequestDeadlines {
  /** NODE_REQUEST_DUE_IMMEDIATE_MS */
  immediateMs: number;
  /** NODE_REQUEST_DUE_URGENT_MS */
  urgentMs: number;
  /** NODE_REQUEST_DUE_ROUTINE_MS */
  routineMs: number;
  /** NODE_REQUEST_SWEEP_INTERVAL_MS: how often overdue requests received here are escalated. */
  sweepIntervalMs: number;
}

export const DEFAULT_REQUEST_DEADLINES: RequestDeadlines = {
  immediateMs: 8 * HOUR_MS,
  urgentMs: 3 * DAY_MS,
  routineMs: 7 * DAY_MS,
  sweepIntervalMs: 60_000,
};

export interface EventStreamLimits {
  /** NODE_EVENTS_MAX_STREAMS: every open stream holds a socket. */
  maxStreams: number;
  /** NODE_EVENTS_MAX_PER_PERSON: a person with a few tabs, not one who opens hundreds. */
  maxPerPerson: number;
  /** NODE_EVENTS_HEARTBEAT_MS: a comment line that keeps proxies from closing an idle stream; the session is checked again then. */
  heartbeatMs: number;
}

export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = { maxStreams: 500, maxPerPerson: 5, heartbeatMs: 20_000 };

export function loadNodeConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const reader = new EnvReader(env);
  const code = reader.string('NODE_CODE', { pattern: BUREAU_CODE_PATTERN });
  const config = reader.done({
    code,
    port: reader.int('NODE_PORT', { default: 3100, min: 0, max: 65_535 }),
    natsUrl: reader.string('NATS_URL'),
    nats: readNatsCredentials(reader),
    natsReplicas: reader.optionalInt('NATS_REPLICAS', { min: 1, max: MAX_STREAM_REPLICAS }),
    dataDir: reader.optionalString('NODE_DATA_DIR') ?? join('var', `node-${code}`),
    enrolmentToken: reader.optionalString('ENROLMENT_TOKEN'),
    directoryStalenessMs: reader.int('DIRECTORY_STALENESS_MS', { default: 30_000, min: 1 }),
    messageTtlMs: reader.int('MESSAGE_TTL_MS', { default: 7 * DAY_MS, min: 1 }),
    republishIntervalMs: reader.int('REPUBLISH_INTERVAL_MS', { default: 5_000, min: 100 }),
    databaseMaxMb: reader.optionalInt('DATABASE_MAX_MB', { min: 1 }),
    consumerWaitMs: reader.int('CONSUMER_WAIT_MS', { default: 120_000, min: 0, max: 3_600_000 }),
    reportDeadlineMs: reader.int('REPORT_DEADLINE_MS', { default: 60_000, min: 100 }),
    receiptDeadlineMs: reader.int('RECEIPT_DEADLINE_MS', { default: HOUR_MS, min: 100 }),
    republishMaxAttempts: reader.int('REPUBLISH_MAX_ATTEMPTS', { default: 6, min: 1, max: 20 }),
    clockSkewMs: reader.int('CLOCK_SKEW_MS', { default: 120_000, min: 0 }),
    deadLetterAfter: reader.int('DEAD_LETTER_AFTER', { default: 5, min: 1, max: 100 }),
    deadLetterLimit: reader.int('DEAD_LETTER_LIMIT', { default: 10_000, min: 1 }),
    // The pattern, not the parser, names a bad value: the parser's message quotes the start of a token.
    roleTokens: reader.string('NODE_ROLE_TOKENS', { pattern: ROLE_TOKENS_PATTERN }),
    hitDeadlineMs: reader.int('NODE_HIT_DEADLINE_MS', { default: BORDER_CHECK_LIMITS.hitDeadlineMs, min: 1_000 }),
    hitSweepIntervalMs: reader.int('NODE_HIT_SWEEP_INTERVAL_MS', { default: 5_000, min: 100 }),
    renewal: readRenewalPolicy(reader),
    evaluatorTimeoutMs: reader.int('NODE_EVALUATOR_TIMEOUT_MS', {
      default: DEFAULT_EVALUATOR_TIMEOUT_MS,
      min: 10,
      max: 60_000,
    }),
    events: {
      maxStreams: reader.int('NODE_EVENTS_MAX_STREAMS', {
        default: DEFAULT_EVENT_STREAM_LIMITS.maxStreams,
        min: 1,
        max: 10_000,
      }),
      maxPerPerson: reader.int('NODE_EVENTS_MAX_PER_PERSON', {
        default: DEFAULT_EVENT_STREAM_LIMITS.maxPerPerson,
        min: 1,
        max: 100,
      }),
      heartbeatMs: reader.int('NODE_EVENTS_HEARTBEAT_MS', {
        default: DEFAULT_EVENT_STREAM_LIMITS.heartbeatMs,
        min: 50,
        max: 120_000,
      }),
    },
    activityAnchorMs: reader.int('NODE_ACTIVITY_ANCHOR_MS', { default: 60_000, min: 100, max: DAY_MS }),
    evidence: {
      gatewayUrl: reader.optionalString('NODE_EVIDENCE_GATEWAY_URL'),
      gatewayToken: reader.optionalString('NODE_EVIDENCE_GATEWAY_TOKEN'),
      registryUrl: reader.optionalString('NODE_EVIDENCE_REGISTRY_URL'),
      registryToken: reader.optionalString('NODE_EVIDENCE_REGISTRY_TOKEN'),
    },
    requests: {
      immediateMs: reader.int('NODE_REQUEST_DUE_IMMEDIATE_MS', {
        default: DEFAULT_REQUEST_DEADLINES.immediateMs,
        min: 1_000,
        max: 90 * DAY_MS,
      }),
      urgentMs: reader.int('NODE_REQUEST_DUE_URGENT_MS', {
        default: DEFAULT_REQUEST_DEADLINES.urgentMs,
        min: 1_000,
        max: 90 * DAY_MS,
      }),
      routineMs: reader.int('NODE_REQUEST_DUE_ROUTINE_MS', {
        default: DEFAULT_REQUEST_DEADLINES.routineMs,
        min: 1_000,
        max: 90 * DAY_MS,
      }),
      sweepIntervalMs: reader.int('NODE_REQUEST_SWEEP_INTERVAL_MS', {
        default: DEFAULT_REQUEST_DEADLINES.sweepIntervalMs,
        min: 100,
        max: DAY_MS,
      }),
    },
  });
  const databaseUrl = postgresUrl(env.DATABASE_URL);
  return databaseUrl === undefined ? config : { ...config, databaseUrl };
}

/** The bearer tokens of the node's HTTP API (the config is validated, so this does not throw). */
export function nodeRoleTokens(config: Pick<NodeConfig, 'roleTokens'>): RoleTokens {
  return RoleTokens.parse(config.roleTokens);
}
