import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DIRECTORY_CHANGED_SUBJECT, directoryChangedEventSchema } from '@bureaunet/contracts';
import { BusClient, reconcileStream, sltdStreamConfig } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../../node.config';
import { SltdConsumersProvisioner } from './sltd-consumers.provisioner';
import { SltdJetStream } from './sltd-jetstream';
import { SltdPublisher } from './sltd.publisher';

/** How often rows not on the stream yet are published again (after a bus outage). */
export const SLTD_REPUBLISH_INTERVAL_MS = 5_000;
/** How often the stream and every bureau's consumer are checked and put back. */
export const SLTD_RECONCILE_INTERVAL_MS = 60_000;

const REPUBLISH_TIMER = 'sltd-feed.republish';
const RECONCILE_TIMER = 'sltd-feed.reconcile';

/**
 * Keeps the replica feed on the hub: BN_SLTD made (or made anew, its entries published again, when
 * the broker lost its store), every bureau's consumer there, and the rows published. At start
 * without holding the start up, then on the schedule and on directory changes.
 */
@Injectable()
export class SltdFeedKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SltdFeedKeeper.name);
  private keeping: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly jetstream: SltdJetStream,
    private readonly consumers: SltdConsumersProvisioner,
    private readonly publisher: SltdPublisher,
    private readonly bus: BusClient,
    private readonly scheduler: SchedulerRegistry,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'natsReplicas'>,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.bus.subscribe(DIRECTORY_CHANGED_SUBJECT, (body) =>
      this.consumers.provisionOne(directoryChangedEventSchema.parse(body).code),
    );
    this.every(REPUBLISH_TIMER, SLTD_REPUBLISH_INTERVAL_MS, () => void this.publisher.kick());
    this.every(RECONCILE_TIMER, SLTD_RECONCILE_INTERVAL_MS, () => void this.keep());
    void this.keep();
  }

  onApplicationShutdown(): void {
    for (const name of [REPUBLISH_TIMER, RECONCILE_TIMER])
      if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
    this.unsubscribe?.();
  }

  /** The stream, then the consumers, then the rows: one pass at a time. */
  keep(): Promise<void> {
    this.keeping ??= this.keepOnce().finally(() => (this.keeping = undefined));
    return this.keeping;
  }

  private async keepOnce(): Promise<void> {
    try {
      const { outcome } = await reconcileStream(
        await this.jetstream.manager(),
        sltdStreamConfig({ replicas: this.config.natsReplicas }),
      );
      if (outcome === 'created') {
        this.logger.log('replica stream BN_SLTD made');
        await this.publisher.republishAll();
      }
      if (outcome === 'updated') this.logger.warn('replica stream BN_SLTD had been altered: put back');
    } catch (error) {
      this.logger.warn(`replica stream not checked, left for the next pass: ${describe(error)}`);
      return;
    }
    await this.consumers.reconcile();
    await this.publisher.kick();
  }

  private every(name: string, ms: number, tick: () => void): void {
    const timer = setInterval(tick, ms);
    timer.unref();
    this.scheduler.addInterval(name, timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
