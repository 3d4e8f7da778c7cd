import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, Clock } from '@bureaunet/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { LaneLeaseKeeper } from '../lanes/lane-lease.keeper';
import { ProcessedSubmissionRepository } from './processed-submission.repository';

/** Its timer in the SchedulerRegistry (cleared by ScheduleModule at shutdown, or here). */
export const PRUNE_INTERVAL = 'replay-records.prune';

/** Rows per transaction, so pruning never holds the single writer long… */
export const PRUNE_BATCH = 500;
/** …and batches per run, so one run is bounded too; the next run takes the rest. */
export const PRUNE_MAX_BATCHES = 20;

/**
 * Keeps processed_submission bounded. An envelope accepted at A had createdAt <= A + skew, so from
 * A + skew + maxAge on, any copy of it is refused as stale by the time-window check before the
 * replay record is consulted: the record can go. (The lineage row stays: replies and receipts
 * refer to it.)
 */
@Injectable()
export class ProcessedSubmissionPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProcessedSubmissionPruner.name);
  private running: Promise<number> | undefined;

  constructor(
    private readonly processed: ProcessedSubmissionRepository,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly scheduler: SchedulerRegistry,
    @Inject(LaneLeaseKeeper) private readonly duties: Pick<LaneLeaseKeeper, 'holdsLedgerDuties'>,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.tick(), this.config.replayPruneIntervalMs);
    timer.unref();
    this.scheduler.addInterval(PRUNE_INTERVAL, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', PRUNE_INTERVAL)) this.scheduler.deleteInterval(PRUNE_INTERVAL);
    await this.running;
  }

  /** Deletes the records past the window, in batches; returns how many went. */
  async prune(): Promise<number> {
    const cutoff = new Date(
      this.clock.now().getTime() - this.config.maxEnvelopeAgeMs - this.config.clockSkewMs,
    ).toISOString();
    let total = 0;
    for (let batch = 0; batch < PRUNE_MAX_BATCHES; batch++) {
      const deleted = await this.writer.transaction((manager) =>
        this.processed.deleteAcceptedBefore(manager, cutoff, PRUNE_BATCH),
      );
      total += deleted;
      if (deleted < PRUNE_BATCH) break;
    }
    if (total > 0) this.logger.log(`pruned ${total} replay records accepted before ${cutoff}`);
    return total;
  }

  private async tick(): Promise<void> {
    // One pruner for the gateways on one database: the holder of the ledger duties.
    if (this.running || !this.duties.holdsLedgerDuties()) return;
    this.running = this.prune();
    try {
      await this.running;
    } catch (error) {
      // The next run tries again; the table only grows meanwhile.
      this.logger.error(`pruning replay records failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
  }
}
