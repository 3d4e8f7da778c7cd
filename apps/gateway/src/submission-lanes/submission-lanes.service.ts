import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { JetStreamApiCodes, JetStreamApiError, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SUBMISSIONS_STREAM, type BureauCode } from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import {
  JetStreamConsumerRunner,
  NATS_CONNECTION,
  ensureStreams,
  type ConsumerRunnerHooks,
} from '@bureaunet/transport';
import { GatewayDeadLetterService } from '../dead-letter/dead-letter.service';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { LEGACY_SUBMISSIONS_DURABLE, senderSubmissionsConsumer } from '../gateway.consumers';
import { SubmissionRateLimiter } from '../policy/submission-rate.limiter';
import { SubmissionHandler } from '../submission/submission.handler';
import type { HeldLease } from '../lanes/gateway-lease.repository';
import { LaneLeaseKeeper, type LaneLeaseListener } from '../lanes/lane-lease.keeper';
import { LANE_LEASE_RENEW_MS } from '../lanes/lane-lease.timing';
import { LeaseLostError } from '../lanes/lease-lost.error';
import { partitionOf } from '../lanes/submission-partition';

/** Handlers of a lost partition may finish this long before their messages are given back. */
const STOP_GRACE_MS = 5_000;

interface SenderConsumer {
  partition: number;
  runner: JetStreamConsumerRunner;
}

/**
 * Consumes the submissions of the senders whose partitions this gateway holds (LaneLeaseKeeper),
 * one durable consumer per sender. A partition taken over starts with its senders' consumers
 * deleted and made again: on the work-queue stream the new consumer delivers from the oldest
 * message nobody acked, in order, so the new holder never handles n+1 before n.
 */
@Injectable()
export class SubmissionLanes implements LaneLeaseListener, BeforeApplicationShutdown {
  private readonly logger = new Logger(SubmissionLanes.name);
  private readonly consumers = new Map<BureauCode, SenderConsumer>();
  private jsm: JetStreamManager | undefined;
  private started: Promise<void> | undefined;
  private ticking: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private legacyRetired = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(DirectoryClient) private readonly directory: Pick<DirectoryClient, 'all'>,
    private readonly keeper: LaneLeaseKeeper,
    private readonly handler: SubmissionHandler,
    private readonly deadLetters: GatewayDeadLetterService,
    private readonly rates: SubmissionRateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'deadLetterAfter' | 'submissionPartitions'>,
  ) {
    keeper.attach(this);
  }

  /** Once the streams exist (main.ts's streamsReady); later calls return the first start. */
  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.ticking;
    // Given back rather than left to expire: the other gateways take over at their next tick.
    await this.keeper
      .releaseAll()
      .catch((error: unknown) => this.logger.warn(`leases not released: ${describe(error)}`));
  }

  /** The senders this gateway consumes now (for the tests and the log). */
  consumedSenders(): BureauCode[] {
    return [...this.consumers.keys()].sort();
  }

  async gained(partition: number, _lease: HeldLease): Promise<void> {
    for (const code of await this.sendersOf(partition)) await this.consume(code, partition);
  }

  async lost(partition: number): Promise<void> {
    const stopping = [...this.consumers].filter(([, consumer]) => consumer.partition === partition);
    for (const [code] of stopping) this.consumers.delete(code);
    await Promise.all(stopping.map(([, consumer]) => consumer.runner.stop(STOP_GRACE_MS)));
    this.rates.forget(stopping.map(([code]) => code));
  }

  private async begin(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), LANE_LEASE_RENEW_MS);
    this.timer.unref();
    await this.tick();
  }

  /** One at a time: a slow round (a takeover's consumers) is not overlapped by the next. */
  private tick(): Promise<void> {
    if (this.ticking || this.stopping) return this.ticking ?? Promise.resolve();
    this.ticking = this.retireLegacyConsumer()
      .then(() => this.keeper.tick())
      .then(() => this.coverNewSenders())
      .catch((error: unknown) => this.logger.warn(`lane leases not kept this round: ${describe(error)}`))
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** Until it is gone, no sender's consumer can be made beside it: tried again every round. */
  private async retireLegacyConsumer(): Promise<void> {
    if (this.legacyRetired) return;
    if (await deleteConsumer(await this.manager(), LEGACY_SUBMISSIONS_DURABLE))
      this.logger.warn(`deleted the consumer ${LEGACY_SUBMISSIONS_DURABLE}: senders have their own now`);
    this.legacyRetired = true;
  }

  /** A bureau enrolled since its partition was taken gets its consumer at the next round. */
  private async coverNewSenders(): Promise<void> {
    const held = new Set(this.keeper.heldPartitions());
    if (held.size === 0) return;
    for (const code of await this.senders()) {
      const partition = partitionOf(code, this.config.submissionPartitions);
      if (held.has(partition) && !this.consumers.has(code)) await this.consume(code, partition);
    }
  }

  private async sendersOf(partition: number): Promise<BureauCode[]> {
    return (await this.senders()).filter((code) => partitionOf(code, this.config.submissionPartitions) === partition);
  }

  private async senders(): Promise<BureauCode[]> {
    return (await this.directory.all()).filter((entry) => entry.role !== 'gateway').map((entry) => entry.code);
  }

  private async consume(code: BureauCode, partition: number): Promise<void> {
    const jsm = await this.manager();
    const options = senderSubmissionsConsumer(code);
    await deleteConsumer(jsm, options.durable);
    const runner = new JetStreamConsumerRunner(options, jsm.jetstream(), jsm, this.hooks(code, jsm));
    await runner.start();
    this.consumers.set(code, { partition, runner });
  }

  private hooks(code: BureauCode, jsm: JetStreamManager): ConsumerRunnerHooks {
    return {
      // A reopen makes the consumer again: never for a sender whose partition went to another gateway.
      prepare: async () => {
        if (!this.keeper.leaseFor(code)) throw new LeaseLostError(code);
        await ensureStreams(jsm);
      },
      connectionClosed: () => this.connection.isClosed(),
      dispatch: (data, context) => this.handler.handle(data, context),
      acked: () => undefined,
      nacked: () => undefined,
      deadLetter: {
        // A message this gateway may no longer commit is its new holder's, not a dead letter.
        store: (data, context, error) =>
          error instanceof LeaseLostError ? Promise.reject(error) : this.deadLetters.park(data, context, error),
        afterAttempts: this.config.deadLetterAfter,
      },
    };
  }

  private async manager(): Promise<JetStreamManager> {
    this.jsm ??= await jetstreamManager(this.connection);
    return this.jsm;
  }
}

/** Whether it existed. */
async function deleteConsumer(jsm: JetStreamManager, durable: string): Promise<boolean> {
  try {
    return await jsm.consumers.delete(SUBMISSIONS_STREAM, durable);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) return false;
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
