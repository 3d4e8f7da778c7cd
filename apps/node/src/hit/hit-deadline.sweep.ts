import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { HitRepository } from '../store/hit.repository';

const INTERVAL = 'hit-deadline-sweep';
const BATCH = 100;
/** Batches per sweep: a sweep never runs unbounded; what is left is swept next time. */
const MAX_BATCHES_PER_SWEEP = 20;

/**
 * Every NODE_HIT_SWEEP_INTERVAL_MS, marks the hits past answerBy without an answer overdue: at the
 * checking node the border officer decides without the owner's word; at the owner's node its
 * officers missed the deadline (an alert). An answer that comes later is still recorded, as late.
 */
@Injectable()
export class HitDeadlineSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HitDeadlineSweep.name);
  private running: Promise<void> | undefined;

  constructor(
    private readonly hits: HitRepository,
    private readonly writer: SerialWriter,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  // The interval comes from the config, so it is registered here rather than with @Interval.
  onApplicationBootstrap(): void {
    const timer = setInterval(() => {
      if (!this.running) this.running = this.run();
    }, this.config.hitSweepIntervalMs);
    timer.unref();
    this.scheduler.addInterval(INTERVAL, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
    await this.running;
  }

  /** One sweep; returns how many hits it marked overdue. */
  async sweep(): Promise<number> {
    const now = this.clock.now().toISOString();
    let marked = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch += 1) {
      const due = await this.writer.transaction((manager) => this.hits.markOverdue(manager, now, BATCH));
      for (const hit of due) {
        if (hit.direction === 'sent')
          this.logger.warn(`hit ${hit.id} (check ${hit.checkId}) unanswered by ${hit.counterpart} at ${hit.answerBy}`);
        else
          this.logger.error(
            `ALERT hit ${hit.id} from ${hit.counterpart} (check ${hit.checkId}) not answered by ${hit.answerBy}`,
          );
      }
      marked += due.length;
      if (due.length < BATCH) break;
    }
    return marked;
  }

  private async run(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.error(`hit deadline sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
  }
}
