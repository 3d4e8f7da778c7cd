export { BusClient, type PublishResult } from './bus.client';
export {
  ConsumerNotProvisionedError,
  bindProvisionedConsumer,
  type ConsumerBinding,
} from './jetstream.consumer-binding';
export {
  JetStreamConsumerRunner,
  type ConsumerRunnerHooks,
  type DeadLetterHook,
  type JetStreamConsumerOptions,
} from './jetstream.consumer-runner';
export { JetStreamContext, MSG_ID_HEADER, type LaneTurn } from './jetstream.context';
export {
  DEFAULT_DEAD_LETTER_AFTER,
  JETSTREAM_TRANSPORT,
  JetStreamServer,
  type JetStreamServerEvents,
  type JetStreamServerOptions,
  type JetStreamServerStatus,
} from './jetstream.server';
export {
  DEFAULT_STREAM_MAX_BYTES,
  DEFAULT_STREAM_REPLICAS,
  MAX_STREAM_REPLICAS,
  DUPLICATE_WINDOW_MS,
  MAX_MESSAGE_BYTES,
  durableConsumerConfig,
  ensureDurableConsumer,
  ensureStreams,
  reconcileDurableConsumer,
  reconcileStream,
  sltdStreamConfig,
  streamConfigs,
  type ConsumerReconciliation,
  type DurableConsumerSpec,
  type ManagedStreamConfig,
  type StreamReconciliation,
  type StreamTopologyOptions,
} from './jetstream.topology';
export { nakDelayMs } from './nak-backoff';
export { publishFailureOf, type PublishFailure } from './publish-failure';
export { NATS_CONNECTION, connectNats, drainConnection, type TransportOptions } from './nats-connection.provider';
export { TransportModule } from './transport.module';
export { WireExceptionFilter } from './wire-exception.filter';
export { BAD_REPLY_CODE, BAD_REQUEST_CODE, INTERNAL_ERROR_CODE, UNAVAILABLE_CODE } from './wire-reply.codec';
export { WireRequestError } from './wire-request.error';
export { BrokerIndicator } from './broker.indicator';
export { ConsumerLagIndicator, type ConsumerRef } from './consumer-lag.indicator';
