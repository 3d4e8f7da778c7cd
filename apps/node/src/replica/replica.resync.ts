import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { sltdResyncSubject, type SltdResyncRequest } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { BusClient } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import type { ReplicaState } from '../store/sltd-replica.repository';
import { SltdReplicaRepository } from '../store/sltd-replica.repository';

const RESYNC_TIMEOUT_MS = 5_000;
/** Asking again while the hub's databases service does not answer; the last delay repeats. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
const RETRY_TIMEOUT = 'replica-resync-retry';

/**
 * On every start, asks the hub's databases service to place this node's consumer right after the
 * last entry the replica holds (appliedSequence): whatever happened meanwhile (a consumer lost or
 * recreated, a database restored from a backup), the consumer then brings exactly what is missing.
 * Until the service answers, the replica is `pending` (answers say `complete: false`), and the
 * follower consumes whatever the existing consumer gives.
 */
@Injectable()
export class ReplicaResync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplicaResync.name);
  private stopped = false;
  private running: Promise<void> | undefined;
  private lastProblem: string | undefined;

  constructor(
    private readonly bus: BusClient,
    private readonly replica: SltdReplicaRepository,
    private readonly writer: SerialWriter,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  // Awaited by Nest before the node serves: no answer may call the replica complete from the last run.
  async onApplicationBootstrap(): Promise<void> {
    await this.markPending();
    this.running = this.attempt(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.scheduler.doesExist('timeout', RETRY_TIMEOUT)) this.scheduler.deleteTimeout(RETRY_TIMEOUT);
    await this.running;
  }

  private async attempt(failures: number): Promise<void> {
    if (this.stopped) return;
    try {
      const { appliedSequence } = await this.replica.state();
      const request: SltdResyncRequest = { afterSequence: appliedSequence };
      await this.bus.request(sltdResyncSubject(this.config.code), request, { timeoutMs: RESYNC_TIMEOUT_MS });
      await this.setResync('done');
      this.logger.log(`replica resynchronised: the consumer continues after #${appliedSequence}`);
    } catch (error) {
      if (this.stopped) return;
      const delayMs = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)] ?? 0;
      const problem = describe(error);
      const line = `replica resync not answered, asking again in ${delayMs} ms: ${problem}`;
      // Said once per reason: a hub away for hours would otherwise fill the log.
      if (problem === this.lastProblem) this.logger.debug(line);
      else this.logger.warn(line);
      this.lastProblem = problem;
      this.scheduler.addTimeout(
        RETRY_TIMEOUT,
        setTimeout(() => {
          this.scheduler.deleteTimeout(RETRY_TIMEOUT);
          this.running = this.attempt(failures + 1);
        }, delayMs),
      );
    }
  }

  /** A start does not know yet whether the consumer still follows the replica's state. */
  private async markPending(): Promise<void> {
    try {
      await this.setResync('pending');
    } catch (error) {
      this.logger.error(`cannot mark the replica pending: ${describe(error)}`);
    }
  }

  private setResync(resync: ReplicaState['resync']): Promise<void> {
    return this.writer.transaction(async (manager) => {
      const state = await this.replica.stateIn(manager);
      await this.replica.saveState(manager, { ...state, resync });
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
