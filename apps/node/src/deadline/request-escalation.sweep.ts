import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { appendActivity } from '@bureaunet/activity/server';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { IsNull, LessThanOrEqual } from 'typeorm';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { DEFAULT_REQUEST_DEADLINES, NODE_CONFIG, type NodeConfig } from '../node.config';
import { TrackedRequestEntity } from './tracked-request.entity';

const INTERVAL = 'request-escalation-sweep';
const BATCH = 100;
/** Batches per sweep: a sweep never runs unbounded; what is left is escalated next time. */
const MAX_BATCHES_PER_SWEEP = 20;

/** Who the activity log names for what the node does on its own. */
export const SYSTEM_ACTOR = { actor: 'role:system', role: 'system' } as const;

/**
 * Every NODE_REQUEST_SWEEP_INTERVAL_MS, escalates each query or request received here that is past
 * its dueAt without an answer: once (escalatedAt), recorded in the activity log as the system's
 * action in the same transaction, then told to the reviewers' consoles. An answer sent later still
 * marks it answered; it leaves the escalated list then.
 */
@Injectable()
export class RequestEscalationSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RequestEscalationSweep.name);
  private running: Promise<void> | undefined;

  constructor(
    private readonly writer: SerialWriter,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'requests'>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    private readonly events: ConsoleEventBus,
  ) {}

  // The interval comes from the config, so it is registered here rather than with @Interval.
  onApplicationBootstrap(): void {
    const every = (this.config.requests ?? DEFAULT_REQUEST_DEADLINES).sweepIntervalMs;
    const timer = setInterval(() => {
      if (!this.running) this.running = this.run();
    }, every);
    timer.unref();
    this.scheduler.addInterval(INTERVAL, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
    await this.running;
  }

  /** One sweep; returns the requests it escalated. */
  async sweep(): Promise<TrackedRequestEntity[]> {
    const now = this.clock.now().toISOString();
    const escalated: TrackedRequestEntity[] = [];
    for (let batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch += 1) {
      const due = await this.writer.transaction(async (manager) => {
        const rows = await manager.find(TrackedRequestEntity, {
          where: { answeredAt: IsNull(), escalatedAt: IsNull(), dueAt: LessThanOrEqual(now) },
          order: { dueAt: 'ASC', id: 'ASC' },
          take: BATCH,
        });
        if (rows.length === 0) return rows;
        await manager.update(
          TrackedRequestEntity,
          rows.map((row) => row.id),
          { escalatedAt: now },
        );
        await appendActivity(
          manager,
          rows.map((row) => ({
            at: now,
            ...SYSTEM_ACTOR,
            action: 'request.escalate',
            target: row.id,
            outcome: 'done' as const,
          })),
        );
        return rows.map((row) => ({ ...row, escalatedAt: now }));
      });
      if (due.length > 0) {
        const first = due[0];
        this.logger.warn(
          `ALERT ${due.length} requests unanswered past their due time escalated, the first ${first.kind} ${first.id} from ${first.from} due ${first.dueAt}`,
        );
        const requests = due.map(({ id, from, dueAt }) => ({ id, from, dueAt }));
        this.events.publish({ name: 'escalation', data: { requests } });
      }
      escalated.push(...due);
      if (due.length < BATCH) break;
    }
    return escalated;
  }

  private async run(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.error(`request escalation sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
  }
}
