import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { OutboxPublisher } from './outbox.publisher';
import type { SentMessageEntity } from './sent-message.entity';
import { SentMessageRepository } from './sent-message.repository';

const BATCH = 100;

type Selection = (options: { limit: number; after?: string }) => Promise<SentMessageEntity[]>;

/**
 * SQLite is the record, NATS the conveyor: on start every envelope without a delivery report is
 * published again (the gateway treats a second copy of an id and digest as a duplicate), then,
 * every REPUBLISH_INTERVAL_MS, whatever the stream never confirmed.
 */
@Injectable()
export class OutboxRepublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRepublisher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sent: SentMessageRepository,
    private readonly publisher: OutboxPublisher,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run(() => this.republish('without a delivery report', (options) => this.sent.findUnreported(options)));
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.run(() => this.republishUnpublished());
    }, this.config.republishIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Publishes what the stream never confirmed; returns how many went out. */
  republishUnpublished(): Promise<number> {
    return this.republish('unpublished', (options) => this.sent.findUnpublished(options));
  }

  private async run(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`republishing failed, next round in ${this.config.republishIntervalMs} ms: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
  }

  private async republish(what: string, select: Selection): Promise<number> {
    let published = 0;
    let after: string | undefined;
    for (;;) {
      const batch = await select({ limit: BATCH, after });
      for (const message of batch) {
        // Stop at the first failure: the bus is down, and the next round starts over.
        if (!(await this.publisher.publish(message))) return published;
        published += 1;
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1]!.id;
    }
    if (published > 0) this.logger.log(`republished ${published} envelope(s) ${what}`);
    return published;
  }
}
