import { join } from 'node:path';
import { GATEWAY_CODE } from '@bureaunet/contracts';
import { readRenewalPolicy, type RenewalPolicy } from '@bureaunet/identity';
import { postgresUrl } from '@bureaunet/persistence';
import { EnvReader, NatsCredentials, readNatsCredentials } from '@bureaunet/platform';
import { MAX_STREAM_REPLICAS } from '@bureaunet/transport';
import { readLedgerWitnesses, type LedgerWitnessConfig } from './ledger/checkpoint/ledger-witnesses.config';
import { readCheckpointTimestampConfig, type CheckpointTimestampConfig } from './timestamp/checkpoint-timestamp.config';
import { DEFAULT_SUBMISSION_PARTITIONS } from './lanes/submission-partition';
import { DELIVERY_ACK_WAIT_MS } from './delivery-consumers/delivery-consumers.plan';

export interface GatewayConfig {
  code: string;
  port: number;
  natsUrl: string;
  /** Set when the broker isolates each party. */
  nats?: NatsCredentials;
  /** Copies of each stream this service keeps (NATS_REPLICAS, 1..5; 1 when unset): 3 on a three-node NATS cluster. */
  natsReplicas?: number;
  dataDir: string;
  /** The PostgreSQL database (DATABASE_URL); unset, the gateway keeps gateway.sqlite in dataDir. */
  databaseUrl?: string;
  enrolmentToken?: string;
  clockSkewMs: number;
  maxEnvelopeAgeMs: number;
  directoryStalenessMs: number;
  /** How often replay records past the time window are pruned (REPLAY_PRUNE_INTERVAL_MS). */
  replayPruneIntervalMs: number;
  /** Bearer tokens of the ledger API, "auditor:<token>,admin:<token>" (GATEWAY_ROLE_TOKENS). */
  roleTokens: string;
  /** Ceiling on gateway.sqlite (DATABASE_MAX_MB; SQLite only): past it submissions wait on their stream instead of filling the disk. */
  databaseMaxMb?: number;
  /** Sign a tree head this often when the log grew (LEDGER_STH_INTERVAL_MS)… */
  sthIntervalMs: number;
  /** …or as soon as it grew by this many entries (LEDGER_STH_MAX_ENTRIES). */
  sthMaxEntries: number;
  /** When to renew the certificates and warn of their expiry (CERT_RENEW_BEFORE_DAYS, CERT_WARN_DAYS, CERT_CHECK_INTERVAL_MS). */
  renewal?: RenewalPolicy;
  /** Every bureau's delivery consumer is checked and put back this often (DELIVERY_CONSUMERS_RECONCILE_MS). */
  deliveryConsumersReconcileMs: number;
  /** Deliveries to one bureau in flight unacked before the broker holds the rest (DELIVERY_MAX_ACK_PENDING). */
  deliveryMaxAckPending: number;
  /** A delivery unacked this long is delivered again, e.g. after its node crashed (DELIVERY_ACK_WAIT_MS). */
  deliveryAckWaitMs: number;
  /** Failed deliveries of a submission or registry event before it is parked (DEAD_LETTER_AFTER). */
  deadLetterAfter: number;
  /** Dead letters kept before parking is refused and the message stays on its stream (DEAD_LETTER_LIMIT). */
  deadLetterLimit: number;
  /** Senders' submissions in this many partitions, leased among the gateways (SUBMISSION_PARTITIONS; same on all). */
  submissionPartitions: number;
  /** The ledger's checkpoint origin, and the name of its note key (LEDGER_ORIGIN). */
  ledgerOrigin: string;
  /** Witnesses asked to cosign each checkpoint (LEDGER_WITNESSES, JSON: [{"url": …, "vkey": …}]). */
  witnesses: LedgerWitnessConfig[];
  /** One add-checkpoint request may take this long (LEDGER_WITNESS_TIMEOUT_MS)… */
  witnessTimeoutMs: number;
  /** …and a witness behind the latest checkpoint is asked again this often (LEDGER_WITNESS_RETRY_MS). */
  witnessRetryMs: number;
  /** RFC 3161 time-stamps over checkpoints (TSA_URL, TSA_CA_FILE…); undefined when no TSA is configured. */
  timestamp?: CheckpointTimestampConfig;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** Deliveries to one bureau in flight unacked, unless DELIVERY_MAX_ACK_PENDING says otherwise. */
export const DELIVERY_MAX_ACK_PENDING = 1_000;

export function readGatewayConfig(environment: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const env = new EnvReader(environment);
  const ledgerOrigin = env.string('LEDGER_ORIGIN', { default: 'bureaunet.local/ledger' });
  const config = env.done({
    code: GATEWAY_CODE,
    port: env.int('GATEWAY_PORT', { default: 3002, min: 0, max: 65535 }),
    natsUrl: env.string('NATS_URL'),
    nats: readNatsCredentials(env),
    natsReplicas: env.optionalInt('NATS_REPLICAS', { min: 1, max: MAX_STREAM_REPLICAS }),
    dataDir: env.string('GATEWAY_DATA_DIR', { default: join('var', 'gateway') }),
    enrolmentToken: env.optionalString('ENROLMENT_TOKEN'),
    clockSkewMs: env.int('CLOCK_SKEW_MS', { default: 120_000, min: 0 }),
    // Envelope ids are remembered at least this long, so a replay is either stale or a known id.
    maxEnvelopeAgeMs: env.int('MAX_ENVELOPE_AGE_MS', { default: 24 * 3_600_000, min: 1_000 }),
    directoryStalenessMs: env.int('DIRECTORY_STALENESS_MS', { default: 30_000, min: 1_000 }),
    replayPruneIntervalMs: env.int('REPLAY_PRUNE_INTERVAL_MS', { default: 60_000, min: 100, max: 3_600_000 }),
    roleTokens: env.string('GATEWAY_ROLE_TOKENS'),
    databaseMaxMb: env.optionalInt('DATABASE_MAX_MB', { min: 1 }),
    sthIntervalMs: env.int('LEDGER_STH_INTERVAL_MS', { default: 1_000, min: 10, max: 3_600_000 }),
    sthMaxEntries: env.int('LEDGER_STH_MAX_ENTRIES', { default: 10_000, min: 1 }),
    renewal: readRenewalPolicy(env),
    deliveryConsumersReconcileMs: env.int('DELIVERY_CONSUMERS_RECONCILE_MS', {
      default: 15_000,
      min: 100,
      max: 3_600_000,
    }),
    deliveryMaxAckPending: env.int('DELIVERY_MAX_ACK_PENDING', {
      default: DELIVERY_MAX_ACK_PENDING,
      min: 1,
      max: 100_000,
    }),
    // Shorter than a node's slowest commit would deliver twice (the node drops the copy); far longer
    // leaves a crashed node's deliveries waiting that long after it is back.
    deliveryAckWaitMs: env.int('DELIVERY_ACK_WAIT_MS', { default: DELIVERY_ACK_WAIT_MS, min: 1_000, max: 600_000 }),
    deadLetterAfter: env.int('DEAD_LETTER_AFTER', { default: 5, min: 1, max: 100 }),
    deadLetterLimit: env.int('DEAD_LETTER_LIMIT', { default: 10_000, min: 1 }),
    submissionPartitions: env.int('SUBMISSION_PARTITIONS', {
      default: DEFAULT_SUBMISSION_PARTITIONS,
      min: 1,
      max: 1_024,
    }),
    ledgerOrigin,
    witnesses: readLedgerWitnesses(env.optionalString('LEDGER_WITNESSES')),
    witnessTimeoutMs: env.int('LEDGER_WITNESS_TIMEOUT_MS', { default: 5_000, min: 100, max: 60_000 }),
    witnessRetryMs: env.int('LEDGER_WITNESS_RETRY_MS', { default: 10_000, min: 100, max: 3_600_000 }),
    timestamp: readCheckpointTimestampConfig(env, ledgerOrigin),
  });
  const databaseUrl = postgresUrl(environment.DATABASE_URL);
  return databaseUrl === undefined ? config : { ...config, databaseUrl };
}
