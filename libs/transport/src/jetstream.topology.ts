import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type ConsumerInfo,
  type JetStreamManager,
  type StreamConfig,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import {
  DELIVERIES_STREAM,
  DELIVER_SUBJECT_WILDCARD,
  REGISTRY_EVENTS_STREAM,
  REGISTRY_EVENTS_SUBJECT,
  SLTD_ENTRY_SUBJECT_WILDCARD,
  SLTD_STREAM,
  SUBMISSIONS_STREAM,
  SUBMIT_SUBJECT_WILDCARD,
} from '@bureaunet/contracts';

/** Largest payload accepted on the bus; nats-server's default max_payload is the same. */
export const MAX_MESSAGE_BYTES = 1_048_576;

/**
 * Per stream; -1 = bounded only by the server's JetStream store, which then refuses publishes
 * (nothing is dropped). A positive value is reserved up front against the store, so a fixed
 * default would fail to start on a small disk.
 */
export const DEFAULT_STREAM_MAX_BYTES = -1;

export const DUPLICATE_WINDOW_MS = 60 * 60 * 1000;

/** Copies of each stream (NATS_REPLICAS): 1 on a single server, 3 on a three-node cluster. */
export const DEFAULT_STREAM_REPLICAS = 1;
/** JetStream's own ceiling on a stream's replicas. */
export const MAX_STREAM_REPLICAS = 5;

export interface StreamTopologyOptions {
  maxBytesPerStream?: number;
  /** num_replicas of every stream; the consumers follow their stream's (see durableConsumerConfig). */
  replicas?: number;
}

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
  maxAckPending?: number;
  /** Deliver from this stream sequence on (by_start_sequence); from the first message when absent. */
  startSequence?: number;
  /** The most bytes one pull may ask for (the consumer's max_bytes): a pull asking more is refused. */
  maxRequestBytes?: number;
}

export type ManagedStreamConfig = Pick<
  StreamConfig,
  | 'name'
  | 'subjects'
  | 'storage'
  | 'retention'
  | 'duplicate_window'
  | 'max_msg_size'
  | 'discard'
  | 'max_bytes'
  | 'num_replicas'
> &
  Partial<Pick<StreamConfig, 'max_msgs_per_subject'>>;

export function streamConfigs(options: StreamTopologyOptions = {}): ManagedStreamConfig[] {
  const common = {
    storage: StorageType.File,
    // Work queue: an acked message is gone, and the server refuses overlapping consumers.
    retention: RetentionPolicy.Workqueue,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_msg_size: MAX_MESSAGE_BYTES,
    // A full stream refuses the publish (the sender keeps it and retries) instead of dropping old messages.
    discard: DiscardPolicy.New,
    max_bytes: options.maxBytesPerStream ?? DEFAULT_STREAM_MAX_BYTES,
    num_replicas: streamReplicas(options),
  };
  return [
    { name: SUBMISSIONS_STREAM, subjects: [SUBMIT_SUBJECT_WILDCARD], ...common },
    { name: DELIVERIES_STREAM, subjects: [DELIVER_SUBJECT_WILDCARD], ...common },
    // Registry changes for the gateway's ledger (the registry's outbox publishes them).
    { name: REGISTRY_EVENTS_STREAM, subjects: [REGISTRY_EVENTS_SUBJECT], ...common },
  ];
}

/**
 * The replica feed (docs/checks.md): one subject per index entry, one message kept per subject, so
 * the stream is the current index and a new consumer reads all of it. Not among streamConfigs():
 * the hub's databases service, its only publisher, keeps it (its broker user may create and update
 * exactly this stream); the gateway and the registry never touch it.
 */
export function sltdStreamConfig(options: StreamTopologyOptions = {}): ManagedStreamConfig {
  return {
    name: SLTD_STREAM,
    subjects: [SLTD_ENTRY_SUBJECT_WILDCARD],
    storage: StorageType.File,
    // Limits, not a work queue: every bureau's consumer reads every entry.
    retention: RetentionPolicy.Limits,
    max_msgs_per_subject: 1,
    // A newer version of an entry replaces the older one on its subject.
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_msg_size: MAX_MESSAGE_BYTES,
    max_bytes: options.maxBytesPerStream ?? DEFAULT_STREAM_MAX_BYTES,
    num_replicas: streamReplicas(options),
  };
}

function streamReplicas(options: StreamTopologyOptions): number {
  const replicas = options.replicas ?? DEFAULT_STREAM_REPLICAS;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_STREAM_REPLICAS)
    throw new Error(`stream replicas must be a whole number from 1 to ${MAX_STREAM_REPLICAS}, not ${replicas}`);
  return replicas;
}

/**
 * Creates the bus streams, or brings an existing one back to the managed configuration: also its
 * replicas, which the server moves (an R1 stream made before the cluster becomes R3, and its consumers with it).
 */
export async function ensureStreams(jsm: JetStreamManager, options: StreamTopologyOptions = {}): Promise<StreamInfo[]> {
  const infos: StreamInfo[] = [];
  for (const wanted of streamConfigs(options)) {
    infos.push((await reconcileStream(jsm, wanted)).info);
  }
  return infos;
}

/** What reconcileStream did: made the stream (a lost store makes it anew), put changed settings back, or nothing. */
export type StreamReconciliation = 'created' | 'updated' | 'unchanged';

/** Creates one stream, or brings it back to `wanted`. */
export async function reconcileStream(
  jsm: JetStreamManager,
  wanted: ManagedStreamConfig,
): Promise<{ info: StreamInfo; outcome: StreamReconciliation }> {
  const existing = await findStream(jsm, wanted.name);
  if (!existing) return { info: await jsm.streams.add(wanted), outcome: 'created' };
  if (!differs(existing.config, wanted)) return { info: existing, outcome: 'unchanged' };
  const { name, ...changes } = wanted;
  return { info: await jsm.streams.update(name, changes), outcome: 'updated' };
}

async function findStream(jsm: JetStreamManager, name: string): Promise<StreamInfo | null> {
  try {
    return await jsm.streams.info(name);
  } catch (error) {
    if (isApiError(error, JetStreamApiCodes.StreamNotFound)) return null;
    throw error;
  }
}

export function durableConsumerConfig(spec: DurableConsumerSpec): Partial<ConsumerConfig> {
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    // Never give up on a message: a handler failure is transient by contract (poison input is refused and acked).
    max_deliver: -1,
    ack_wait: nanos(spec.ackWaitMs),
    // num_replicas stays unset (0): the consumer keeps as many copies as its stream, and the server
    // scales it with the stream, so a consumer can never ask for more replicas than its stream has.
  };
  if (spec.maxAckPending !== undefined) config.max_ack_pending = spec.maxAckPending;
  if (spec.startSequence !== undefined) {
    config.deliver_policy = DeliverPolicy.StartSequence;
    config.opt_start_seq = spec.startSequence;
  }
  if (spec.maxRequestBytes !== undefined) config.max_bytes = spec.maxRequestBytes;
  return config;
}

/** Creates the durable pull consumer, or updates it when its managed settings changed. */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<ConsumerInfo> {
  return (await reconcileDurableConsumer(jsm, spec)).info;
}

/** What reconcileDurableConsumer did: made it, put changed settings back, replaced it (a setting the server cannot update), or nothing. */
export type ConsumerReconciliation = 'created' | 'updated' | 'replaced' | 'unchanged';

/**
 * Brings the durable consumer to exactly the managed configuration. Settings the server refuses to
 * update (ack or deliver policy) are fixed by deleting and re-adding it: on a work-queue stream the
 * unacked messages stay in the stream and the new consumer delivers them from the start.
 */
export async function reconcileDurableConsumer(
  jsm: JetStreamManager,
  spec: DurableConsumerSpec,
): Promise<{ info: ConsumerInfo; outcome: ConsumerReconciliation }> {
  const wanted = durableConsumerConfig(spec);
  const existing = await findConsumer(jsm, spec.stream, spec.durable);
  if (!existing) return { info: await jsm.consumers.add(spec.stream, wanted), outcome: 'created' };
  const foreign = hasUnmanagedSettings(existing.config, wanted);
  if (!foreign && !differs(existing.config, wanted)) return { info: existing, outcome: 'unchanged' };
  const {
    ack_policy,
    deliver_policy,
    opt_start_seq,
    ack_wait,
    max_deliver,
    max_ack_pending,
    filter_subject,
    max_bytes,
  } = wanted;
  if (foreign || differs(existing.config, { ack_policy, deliver_policy, opt_start_seq })) {
    await jsm.consumers.delete(spec.stream, spec.durable);
    return { info: await jsm.consumers.add(spec.stream, wanted), outcome: 'replaced' };
  }
  return {
    info: await jsm.consumers.update(spec.stream, spec.durable, {
      ack_wait,
      max_deliver,
      max_ack_pending,
      filter_subject,
      ...(max_bytes !== undefined ? { max_bytes } : {}),
    }),
    outcome: 'updated',
  };
}

/** Settings a managed consumer never has; one set means someone else configured it (a push consumer, headers only, an expiry…). */
const UNMANAGED_SETTINGS = [
  'deliver_subject',
  'headers_only',
  'inactive_threshold',
  'rate_limit_bps',
  'max_batch',
  'max_bytes',
  'max_expires',
  'sample_freq',
] as const;

function hasUnmanagedSettings(config: ConsumerConfig, wanted: Partial<ConsumerConfig>): boolean {
  const current = config as unknown as Record<string, unknown>;
  return UNMANAGED_SETTINGS.some((key) => !(key in wanted) && Boolean(current[key]));
}

async function findConsumer(jsm: JetStreamManager, stream: string, durable: string): Promise<ConsumerInfo | null> {
  try {
    return await jsm.consumers.info(stream, durable);
  } catch (error) {
    if (isApiError(error, JetStreamApiCodes.ConsumerNotFound)) return null;
    throw error;
  }
}

function differs(actual: object, wanted: object): boolean {
  const current = actual as Record<string, unknown>;
  return Object.entries(wanted).some(([key, value]) => JSON.stringify(current[key]) !== JSON.stringify(value));
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}
