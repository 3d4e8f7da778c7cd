import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ActivityAnchorEntity, ActivityLog } from '@bureaunet/activity/server';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { RegistryEventOutbox } from '../registry-event/registry-event.outbox';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';

const INTERVAL = 'activity-anchor';
const DEFAULT_ANCHOR_MS = 60_000;

/**
 * The registry anchors its activity log head through the channel its other changes already take
 * to the gateway's ledger: an `activity-head` registry event, written to the outbox in the same
 * transaction that notes the head as anchored (exactly once in the ledger, by event id). Only the
 * registry may publish registry events (broker permissions), so no signature is added.
 */
@Injectable()
export class RegistryActivityAnchor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RegistryActivityAnchor.name);
  private running: Promise<void> | undefined;

  constructor(
    private readonly log: ActivityLog,
    private readonly writer: SerialWriter,
    private readonly outbox: RegistryEventOutbox,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => {
      this.running ??= this.anchor()
        .catch((error: unknown) =>
          this.logger.warn(`activity head not anchored: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, this.config.activityAnchorMs ?? DEFAULT_ANCHOR_MS);
    timer.unref();
    this.scheduler.addInterval(INTERVAL, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
    await this.running;
  }

  /** Queues the current head for the ledger if it grew since the last one. */
  async anchor(): Promise<void> {
    const head = await this.log.head();
    const last = await this.log.latestAnchor();
    if (head.treeSize === 0 || (last && last.treeSize >= head.treeSize)) return;
    await this.writer.transaction(async (manager) => {
      await this.outbox.record(manager, {
        type: 'activity-head',
        data: { treeSize: head.treeSize, rootHash: head.rootHash.toString('base64') },
      });
      await manager.insert(ActivityAnchorEntity, {
        treeSize: head.treeSize,
        rootHash: head.rootHash.toString('hex'),
        ledgerIndex: null,
        anchoredAt: this.clock.now().toISOString(),
      });
    });
  }
}
