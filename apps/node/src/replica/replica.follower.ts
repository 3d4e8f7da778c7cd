import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { jetstream, type Consumer, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SLTD_ENTRY_SUBJECT_WILDCARD, SLTD_STREAM, sltdConsumerName } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { NATS_CONNECTION, bindProvisionedConsumer } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { SltdReplicaRepository } from '../store/sltd-replica.repository';
import { newestPerEntry, readReplicaChange, replicaRowOf } from './replica-change';

/**
 * Messages in one pull, and so in one transaction at most. Bounded by count, not bytes: the client
 * takes one or the other, and a pull bounded by bytes lasts until it expires, whatever came. Only
 * the hub's databases service may publish on the stream (broker permissions), and an entry is at
 * most ~11 KB (the sealed blob, 8,223 bytes, in base64url), so a pull holds at most ~6 MB.
 */
export const REPLICA_BATCH = 500;
/** How long one pull waits for messages when there are none. */
const FETCH_EXPIRES_MS = 5_000;
/** Binding again after the consumer went missing, the broker went away, or a batch failed. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** An idle replica records that it is current at most this often (every pull would be a write). */
const CURRENT_WRITE_INTERVAL_MS = 60_000;
const RETRY_TIMEOUT = 'replica-follow-retry';

/**
 * Follows this bureau's consumer `sltd-<code>` on BN_SLTD (made by the hub's databases service;
 * the node only binds) into the replica tables. Up to REPLICA_BATCH messages are applied in one
 * transaction, an entry only over an older version; the messages are acked after the
 * commit. A message that is not an entry is acked and counted: it cannot get better by waiting,
 * and it must not hold up the ones behind it.
 */
@Injectable()
export class ReplicaFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplicaFollower.name);
  private stopped = false;
  private running: Promise<void> | undefined;
  private pulling: ConsumerMessages | undefined;
  private wake: (() => void) | undefined;
  /** When this process last saw nothing pending, and when it last wrote that (at most every CURRENT_WRITE_INTERVAL_MS). */
  private current: Date | undefined;
  private currentWrittenAt = 0;
  private skipped = 0;
  /**
   * Sequences pulled whose batch failed to commit (given back with a nak). appliedSequence stays
   * below them: a resync placed after it must bring them again.
   */
  private readonly uncommitted = new Set<number>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly replica: SltdReplicaRepository,
    private readonly writer: SerialWriter,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.pulling?.stop();
    this.wake?.();
    await this.running;
  }

  /** When this process last found nothing pending; may be newer than the stored currentAsOf. */
  currentAsOf(): Date | undefined {
    return this.current;
  }

  /** Messages skipped as malformed since this process started. */
  skippedMessages(): number {
    return this.skipped;
  }

  private async run(): Promise<void> {
    const js = jetstream(this.connection);
    const binding = {
      stream: SLTD_STREAM,
      durable: sltdConsumerName(this.config.code),
      filterSubject: SLTD_ENTRY_SUBJECT_WILDCARD,
    };
    let lastProblem: string | undefined;
    for (let failures = 0; !this.stopped;) {
      try {
        const consumer = await bindProvisionedConsumer(js, binding, {
          waitMs: 0,
          logger: this.logger,
          stopped: () => this.stopped,
        });
        await this.follow(consumer, () => {
          if (failures > 0) this.logger.log(`following ${binding.stream}/${binding.durable} again`);
          failures = 0;
          lastProblem = undefined;
        });
      } catch (error) {
        if (this.stopped) break;
        const delayMs = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)] ?? 0;
        failures += 1;
        // A hub that stays away repeats the same reason: said once, then kept to the debug level.
        const problem = describe(error);
        const line = `replica not following ${binding.durable}, retrying in ${delayMs} ms: ${problem}`;
        if (problem === lastProblem) this.logger.debug(line);
        else this.logger.warn(line);
        lastProblem = problem;
        await this.pause(delayMs);
      }
    }
  }

  /** Pulls until stopped or failing; a pull is applied once nothing more is pending, or as a whole. */
  private async follow(consumer: Consumer, pulled: () => void): Promise<void> {
    while (!this.stopped) {
      const messages = await consumer.fetch({ max_messages: REPLICA_BATCH, expires: FETCH_EXPIRES_MS });
      this.pulling = messages;
      let batch: JsMsg[] = [];
      let received = 0;
      try {
        for await (const message of messages) {
          batch.push(message);
          received += 1;
          // The rest of the pull waits for messages that may not come: apply what is here now.
          if (message.info.pending === 0) {
            const done = batch;
            batch = [];
            await this.apply(done, true);
          }
        }
      } finally {
        this.pulling = undefined;
        // What came before an error or a stop is as good as any: applied, then acked.
        if (batch.length > 0) await this.apply(batch, false);
      }
      pulled();
      if (received === 0 && !this.stopped) await this.idle(consumer);
    }
  }

  private async apply(batch: JsMsg[], drained: boolean): Promise<void> {
    const sequences = batch.map((message) => message.seq);
    sequences.forEach((sequence) => this.uncommitted.delete(sequence));
    const reads = batch.map((message) =>
      readReplicaChange({ subject: message.subject, sequence: message.seq, data: message.data }),
    );
    const rows = newestPerEntry(reads.flatMap((read) => (read.ok ? [replicaRowOf(read.change, read.sequence)] : [])));
    const applied = Math.min(Math.max(...sequences), Math.min(...this.uncommitted) - 1);
    const now = this.clock.now();
    // With batches once failed still out (see idle), the replica is not current yet.
    const current = drained && this.uncommitted.size === 0;
    try {
      await this.writer.transaction(async (manager) => {
        const reportable = await this.replica.apply(manager, rows);
        const state = await this.replica.stateIn(manager);
        await this.replica.saveState(manager, {
          ...state,
          reportable: state.reportable + reportable,
          appliedSequence: Math.max(state.appliedSequence, applied),
          ...(current ? { currentAsOf: now.toISOString() } : {}),
        });
      });
    } catch (error) {
      sequences.forEach((sequence) => this.uncommitted.add(sequence));
      batch.forEach((message) => message.nak());
      throw error;
    }
    for (const read of reads) {
      if (read.ok) continue;
      this.skipped += 1;
      this.logger.warn(`replica message #${read.sequence} skipped: ${read.problem}`);
    }
    if (current) {
      this.current = now;
      this.currentWrittenAt = now.getTime();
    }
    // A lost ack brings the message again, and its version is then no newer than the stored one.
    batch.forEach((message) => message.ack());
  }

  /** A pull that found nothing: the replica is current; written now and then, not on every pull. */
  private async idle(consumer: Consumer): Promise<void> {
    if (this.uncommitted.size > 0 && !(await this.nothingOutstanding(consumer))) return;
    const now = this.clock.now();
    this.current = now;
    if (now.getTime() - this.currentWrittenAt < CURRENT_WRITE_INTERVAL_MS) return;
    await this.writer.transaction(async (manager) => {
      const state = await this.replica.stateIn(manager);
      await this.replica.saveState(manager, { ...state, currentAsOf: now.toISOString() });
    });
    this.currentWrittenAt = now.getTime();
  }

  /**
   * Whether the consumer holds nothing unacked: then every message whose batch once failed has
   * come back and been applied, or left the stream (replaced by a newer version), and no longer
   * holds appliedSequence down.
   */
  private async nothingOutstanding(consumer: Consumer): Promise<boolean> {
    try {
      const info = await consumer.info(false);
      if (info.num_ack_pending > 0 || info.num_pending > 0) return false;
      this.uncommitted.clear();
      return true;
    } catch (error) {
      this.logger.warn(`cannot read the replica consumer's info: ${describe(error)}`);
      return false;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.scheduler.doesExist('timeout', RETRY_TIMEOUT)) this.scheduler.deleteTimeout(RETRY_TIMEOUT);
        this.wake = undefined;
        resolve();
      };
      this.scheduler.addTimeout(RETRY_TIMEOUT, setTimeout(done, ms));
      this.wake = done;
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
