import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { boundedProbe, HEALTH_BOUNDS, type HealthBounds } from '@bureaunet/platform/stateless';
import { NATS_CONNECTION } from './nats-connection.provider';

/** One durable consumer the service reads. */
export interface ConsumerRef {
  stream: string;
  durable: string;
}

interface ConsumerLag {
  /** Messages on the stream the consumer has not been handed yet. */
  pending: number;
  /** Handed out, not acked yet. */
  ackPending: number;
}

/**
 * How far behind the service's consumers are: `num_pending` of each, from one CONSUMER.INFO call
 * (which a node's broker user may make on its own consumer), against HEALTH_MAX_CONSUMER_PENDING.
 * A work-queue stream read through many consumers (the gateways' one per sender) is reported as
 * one backlog instead: the messages it still holds are exactly those nobody has acked.
 */
@Injectable()
export class ConsumerLagIndicator {
  private jsm: JetStreamManager | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(HEALTH_BOUNDS) private readonly bounds: HealthBounds,
  ) {}

  async check(
    key: string,
    consumers: readonly ConsumerRef[],
    workQueues: readonly string[] = [],
  ): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    const maxPending = this.bounds.maxConsumerPending;
    const lags: Record<string, ConsumerLag | { messages: number } | { error: string }> = {};
    const problems: string[] = [];
    for (const stream of workQueues) {
      try {
        const info = await boundedProbe(
          this.manager().then((jsm) => jsm.streams.info(stream)),
          this.bounds.probeTimeoutMs,
          `${stream} info`,
        );
        lags[stream] = { messages: info.state.messages };
        if (info.state.messages > maxPending)
          problems.push(`${stream} holds ${info.state.messages} messages not acked`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        lags[stream] = { error: message };
        problems.push(`${stream}: ${message}`);
      }
    }
    for (const { stream, durable } of consumers) {
      const name = `${stream}/${durable}`;
      try {
        const info = await boundedProbe(this.lookUp(stream, durable), this.bounds.probeTimeoutMs, `${name} info`);
        lags[name] = { pending: info.num_pending, ackPending: info.num_ack_pending };
        if (info.num_pending > maxPending) problems.push(`${name} has ${info.num_pending} messages pending`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        lags[name] = { error: message };
        problems.push(`${name}: ${message}`);
      }
    }
    if (problems.length === 0) return session.up({ maxPending, ...lags });
    return session.down({ message: problems.join('; '), maxPending, ...lags });
  }

  private async lookUp(stream: string, durable: string) {
    return (await this.manager()).consumers.info(stream, durable);
  }

  private async manager(): Promise<JetStreamManager> {
    // No $JS.API.INFO check: a node's broker user may not call it.
    this.jsm ??= await jetstreamManager(this.connection, { checkAPI: false });
    return this.jsm;
  }
}
