import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, type Repository } from 'typeorm';
import type { OperationChange } from '@bureaunet/contracts';
import { BUREAU_IDENTITY, type BureauIdentity } from '@bureaunet/identity';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { sentMessageView } from '../message/message.views';
import { CheckLogEntity } from '../store/check-log.entity';
import { HitEntity } from '../store/hit.entity';
import { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository } from '../store/sent-message.repository';
import type { OperationReportDto, ReportHitDto, ReportOutcomeDto } from './operation.dto';
import { OperationDirectory } from './operation.directory';
import { OperationService, operationView } from './operation.service';

/** Most border-check hits one report lists (the newest of the window, should there be more). */
const MAX_REPORT_HITS = 1000;
/** Most replies sent from here that one report looks through. */
const MAX_REPLIES_SCANNED = 2000;

/**
 * An operation's after-action report from what this node holds: the operation and its changes
 * (from the registry), the alerts and replies that passed here with each recipient's state, the
 * border-check hits at this node while it ran, and its outcomes (participants withdrawn, the end).
 * The coordinator's node holds the whole exchange; a participant's node its own share.
 */
@Injectable()
export class OperationReportService {
  constructor(
    private readonly directory: OperationDirectory,
    private readonly operations: OperationService,
    @InjectRepository(SentMessageEntity) private readonly sentMessages: Repository<SentMessageEntity>,
    @InjectRepository(CheckLogEntity) private readonly checks: Repository<CheckLogEntity>,
    @InjectRepository(HitEntity) private readonly hitRows: Repository<HitEntity>,
    private readonly sent: SentMessageRepository,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(id: string): Promise<OperationReportDto> {
    // Through the history: the registry answers only for the coordinator and the participants.
    const { operation, changes } = await this.directory.history(id);
    const now = this.clock.now();
    const alertsReceived = await this.operations.alerts(id);
    return {
      generatedAt: now.toISOString(),
      bureau: this.identity.code,
      operation: operationView(operation, this.identity.code, now),
      changes,
      alertsSent: await this.operations.sentAlerts(id),
      alertsReceived,
      repliesReceived: await this.operations.replies(id),
      repliesSent: await this.repliesSent(alertsReceived.map((alert) => alert.id)),
      hits: await this.hits(operation.start, operation.end < now.toISOString() ? operation.end : now.toISOString()),
      outcomes: outcomesOf(changes, now),
    };
  }

  /** Replies sent from here: messages whose replyTo names an alert of this operation received here. */
  private async repliesSent(alertIds: readonly string[]) {
    if (alertIds.length === 0) return [];
    const rows = (
      await this.sentMessages.find({ where: { kind: 'message' }, order: { id: 'DESC' }, take: MAX_REPLIES_SCANNED })
    ).filter((row) => row.meta.replyTo !== undefined && alertIds.includes(row.meta.replyTo));
    const recipients = await this.sent.findRecipients(rows.map((row) => row.id));
    return rows.map((row) =>
      sentMessageView(
        row,
        recipients.filter((recipient) => recipient.messageId === row.id),
      ),
    );
  }

  /** The hits of the border checks made at this node between from and to, with their procedure's state. */
  private async hits(from: string, to: string): Promise<ReportHitDto[]> {
    if (to < from) return [];
    const checks = await this.checks.find({
      where: { outcome: 'hit', checkedAt: Between(from, to) },
      order: { checkedAt: 'DESC' },
      take: MAX_REPORT_HITS,
    });
    const hitIds = checks.flatMap((check) => (check.hitId ? [check.hitId] : []));
    const procedures = hitIds.length > 0 ? await this.hitRows.findBy({ id: In(hitIds) }) : [];
    return checks.map((check) => {
      const procedure = procedures.find((row) => row.id === check.hitId);
      return {
        checkId: check.id,
        kind: check.kind,
        checkedAt: check.checkedAt,
        place: check.place,
        hitId: check.hitId,
        ...(procedure
          ? {
              owner: procedure.counterpart,
              state: procedure.state,
              ...(procedure.answer ? { answer: procedure.answer.answer } : {}),
            }
          : {}),
      };
    });
  }
}

/** What became of the operation, from its changes: participants added and withdrawn, extensions, its end. */
export function outcomesOf(changes: readonly OperationChange[], now: Date): ReportOutcomeDto[] {
  const outcomes: ReportOutcomeDto[] = [];
  for (const change of changes) {
    const by = { at: change.at, author: change.author };
    if (change.added?.length) outcomes.push({ ...by, kind: 'participants-added', bureaus: change.added });
    if (change.removed?.length) outcomes.push({ ...by, kind: 'participants-withdrawn', bureaus: change.removed });
    if (change.change === 'amended' && change.previousEnd) outcomes.push({ ...by, kind: 'extended' });
    if (change.change === 'ended')
      outcomes.push({ ...by, kind: 'ended-early', ...(change.reason ? { reason: change.reason } : {}) });
  }
  const last = changes.at(-1)?.operation;
  if (last && last.end <= now.toISOString() && !changes.some((change) => change.change === 'ended'))
    outcomes.push({ at: last.end, kind: 'ended' });
  return outcomes;
}
