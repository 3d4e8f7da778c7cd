import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { OutboxPublisher } from './outbox.publisher';
import { backoff, decideRepublish, type RepublishPolicy } from './republish.decision';
import type { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository, type NextCheck } from '../store/sent-message.repository';

const BATCH = 100;
const INTERVAL = 'outbox-republish';
/** Pages per round: a round never runs unbounded; what is left is still due next round. */
const MAX_PAGES_PER_ROUND = 50;

export interface RoundResult {
  published: number;
  failed: number;
  overdue: number;
  /** The round stopped early because the bus is unavailable. */
  busDown: boolean;
}

/**
 * SQLite is the record, NATS the conveyor: every REPUBLISH_INTERVAL_MS this looks at the envelopes
 * that are due (see decideRepublish) and sends again what was never confirmed, never reported, or
 * delivered but never receipted. A bus that is down ends the round (every message would fail
 * alike); a message that fails on its own is recorded, counted and skipped, so it never blocks
 * those behind it, and goes overdue (with an alert) once its attempts are spent.
 */
@Injectable()
export class OutboxRepublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRepublisher.name);
  private readonly policy: RepublishPolicy;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sent: SentMessageRepository,
    private readonly publisher: OutboxPublisher,
    private readonly writer: SerialWriter,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.policy = {
      reportDeadlineMs: config.reportDeadlineMs,
      receiptDeadlineMs: config.receiptDeadlineMs,
      maxAttempts: config.republishMaxAttempts,
    };
  }

  // The interval comes from the config, so it is registered here rather than with @Interval.
  onApplicationBootstrap(): void {
    this.running = this.run();
    const timer = setInterval(() => {
      if (!this.running) this.running = this.run();
    }, this.config.republishIntervalMs);
    timer.unref();
    this.scheduler.addInterval(INTERVAL, timer);
  }

  // Stopped before the last round is awaited, so no round starts behind it.
  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
    await this.running;
  }

  /** One pass over what is due now. */
  async round(): Promise<RoundResult> {
    const result: RoundResult = { published: 0, failed: 0, overdue: 0, busDown: false };
    // A publish confirmed but not yet marked would look never published.
    await this.publisher.settleMarks();
    const now = this.clock.now();
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_ROUND && !result.busDown; page += 1) {
      const batch = await this.sent.findDue(now.toISOString(), { limit: BATCH, after });
      const open = await this.sent.openRecipients(batch.map((message) => message.id));
      // Messages that only need their next look moved are written together, one commit a page.
      const checks: NextCheck[] = [];
      for (const message of batch) {
        await this.handle(message, open.get(message.id) ?? [], now, result, checks);
        if (result.busDown) break;
      }
      if (checks.length > 0) await this.writer.transaction((manager) => this.sent.setNextChecks(manager, checks));
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].id;
    }
    return this.summarise(result);
  }

  private async handle(
    message: SentMessageEntity,
    open: string[],
    now: Date,
    result: RoundResult,
    checks: NextCheck[],
  ): Promise<void> {
    const decision = decideRepublish(message, open, now, this.policy);
    switch (decision.action) {
      case 'settled':
        checks.push({ id: message.id, nextCheckAt: null });
        return;
      case 'wait':
        checks.push({ id: message.id, nextCheckAt: decision.until.toISOString() });
        return;
      case 'overdue': {
        const codes = await this.writer.transaction((manager) =>
          this.sent.markOverdue(manager, message.id, decision.reason, now.toISOString()),
        );
        result.overdue += 1;
        this.logger.error(
          `ALERT envelope ${message.id} overdue for ${codes.length ? codes.join(', ') : 'every recipient'}: ${decision.reason}`,
        );
        return;
      }
      case 'publish':
        return this.republish(message, decision.attempt, decision.reason, now, result);
    }
  }

  private async republish(
    message: SentMessageEntity,
    attempt: number,
    reason: string,
    now: Date,
    result: RoundResult,
  ): Promise<void> {
    // The first publish of an envelope the bus never took keeps its own id; a copy gets a new msgId.
    const first = message.publishedAt === null && message.attempts === 0;
    const outcome = await this.publisher.publishIfUp(message, first ? message.id : `${message.id}:${attempt}`);
    if (outcome.status === 'bus-unavailable') {
      result.busDown = true;
      return;
    }
    const attempts = first && outcome.status === 'published' ? 0 : attempt;
    const failed = outcome.status === 'message-refused';
    const lastError = failed
      ? `attempt ${attempt}: the bus refused it: ${outcome.reason}`
      : first
        ? message.lastError
        : `republished (${reason})`;
    const deadline = message.reportStatus === 'accepted' ? this.policy.receiptDeadlineMs : this.policy.reportDeadlineMs;
    const nextCheckAt = new Date(now.getTime() + backoff(deadline, attempts)).toISOString();
    await this.writer.transaction((manager) =>
      this.sent.recordAttempt(manager, message.id, {
        attempts,
        lastAttemptAt: now.toISOString(),
        nextCheckAt,
        retryAt: null,
        lastError,
      }),
    );
    if (failed) {
      result.failed += 1;
      this.logger.error(
        `ALERT envelope ${message.id} refused by the bus (attempt ${attempt} of ${this.policy.maxAttempts}), skipped: ${outcome.reason}`,
      );
    } else result.published += 1;
  }

  private summarise(result: RoundResult): RoundResult {
    if (result.published + result.failed + result.overdue > 0 || result.busDown) {
      this.logger.log(
        `republish round: ${result.published} sent, ${result.failed} failed, ${result.overdue} overdue${result.busDown ? ', stopped: the bus is unavailable' : ''}`,
      );
    }
    return result;
  }

  private async run(): Promise<void> {
    try {
      await this.round();
    } catch (error) {
      this.logger.error(
        `republishing failed, next round in ${this.config.republishIntervalMs} ms: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.running = undefined;
    }
  }
}
