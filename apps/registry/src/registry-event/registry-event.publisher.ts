import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { REGISTRY_EVENTS_SUBJECT, type RegistryEvent } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { BusClient } from '@bureaunet/transport';
import { registryEventLogLine } from './registry-event.log-line';
import { RegistryEventRepository } from './registry-event.repository';

const BATCH = 100;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const RETRY_TIMEOUT = 'registry-events-retry';

/**
 * Publishes the outbox to JetStream (msgId = event id, so a publish repeated after a crash is
 * dropped by the stream) and marks each row published once acknowledged. Runs on start, after each
 * recorded change, and again with backoff while JetStream cannot be reached. It is also where each
 * registry event gets its log line: the first place that sees it committed.
 */
@Injectable()
export class RegistryEventPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RegistryEventPublisher.name);
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;
  /** Highest outbox seq already logged: a batch read again after a failed publish is not logged twice. */
  private loggedThrough = 0;

  constructor(
    private readonly writer: SerialWriter,
    private readonly events: RegistryEventRepository,
    private readonly bus: BusClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.cancelRetry();
    await this.running;
  }

  /**
   * Publishes what is unpublished. Called from inside a change's transaction, its first read is
   * queued behind that transaction, so it sees the change once committed (or not at all).
   */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.cancelRetry();
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves once everything recorded so far is published (tests and shutdown). */
  async flushed(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.writer.transaction((manager) => this.events.unpublished(manager, BATCH));
        if (batch.length === 0 || this.stopped) break;
        this.logNew(batch);
        for (const { event } of batch)
          await this.bus.publish(REGISTRY_EVENTS_SUBJECT, JSON.stringify(event), { msgId: event.id });
        await this.writer.transaction((manager) =>
          this.events.markPublished(
            manager,
            batch.map(({ seq }) => seq),
            this.clock.now(),
          ),
        );
      }
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      const delayMs = Math.min(RETRY_BASE_MS * 2 ** (this.failures - 1), RETRY_MAX_MS);
      this.logger.warn(
        `registry events not published yet, retrying in ${delayMs} ms: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!this.stopped) this.retryIn(delayMs);
    }
  }

  private logNew(batch: ReadonlyArray<{ seq: number; event: RegistryEvent }>): void {
    for (const { seq, event } of batch) {
      if (seq <= this.loggedThrough) continue;
      this.logger.log(registryEventLogLine(event));
      this.loggedThrough = seq;
    }
  }

  private retryIn(delayMs: number): void {
    this.cancelRetry();
    this.scheduler.addTimeout(
      RETRY_TIMEOUT,
      setTimeout(() => this.kick(), delayMs),
    );
  }

  // A retry that fired stays registered until the next kick or retry removes it.
  private cancelRetry(): void {
    if (this.scheduler.doesExist('timeout', RETRY_TIMEOUT)) this.scheduler.deleteTimeout(RETRY_TIMEOUT);
  }
}
