import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  MoreThan,
  Not,
  type EntityManager,
  type FindOptionsWhere,
  type Repository,
} from 'typeorm';
import type { Refusal } from '@bureaunet/contracts';
import { applyRecipientEvent, PENDING, type RecipientEvent } from './recipient-state';
import { RecipientStateEntity } from './recipient-state.entity';
import { SentMessageEntity, type ReportStatus } from './sent-message.entity';

/** One send attempt's bookkeeping: the republisher's record of what it did and when it looks again. */
export interface AttemptRecord {
  attempts: number;
  lastAttemptAt: string;
  nextCheckAt: string | null;
  retryAt: string | null;
  lastError: string | null;
}

export interface NextCheck {
  id: string;
  nextCheckAt: string | null;
}

/** Recipients still awaited: neither refused, receipted nor already overdue. */
const OPEN_STATES = ['pending', 'delivered'] as const;

export interface SentReport {
  status: ReportStatus;
  refusal: Refusal | null;
  reportedAt: string;
  raw: Buffer;
}

/**
 * Sent messages and their per-recipient states. Reads use the repositories; every write takes the
 * EntityManager of a SerialWriter transaction.
 */
@Injectable()
export class SentMessageRepository {
  constructor(
    @InjectRepository(SentMessageEntity) private readonly messages: Repository<SentMessageEntity>,
    @InjectRepository(RecipientStateEntity) private readonly recipients: Repository<RecipientStateEntity>,
  ) {}

  /** With `manager`, inside a snapshot, so the message and its recipients agree. */
  findById(id: string, manager?: EntityManager): Promise<SentMessageEntity | null> {
    return (manager?.getRepository(SentMessageEntity) ?? this.messages).findOneBy({ id });
  }

  findRecipients(messageIds: string[], manager?: EntityManager): Promise<RecipientStateEntity[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return (manager?.getRepository(RecipientStateEntity) ?? this.recipients).find({
      where: { messageId: In(messageIds) },
      order: { messageId: 'ASC', code: 'ASC' },
    });
  }

  /** Newest first (ids are UUIDv7), without the receipts this node sent. */
  listNewestFirst(options: { limit: number; before?: string }, manager?: EntityManager): Promise<SentMessageEntity[]> {
    const where: FindOptionsWhere<SentMessageEntity> = { kind: Not('receipt') };
    if (options.before) where.id = LessThan(options.before);
    return (manager?.getRepository(SentMessageEntity) ?? this.messages).find({
      where,
      order: { id: 'DESC' },
      take: options.limit,
    });
  }

  /**
   * Oldest first, keyset-paged: the republisher's work list — what is due for a look, and what
   * the stream never confirmed and that never failed on its own (the bus was down: due at once).
   */
  findDue(now: string, options: { limit: number; after?: string }): Promise<SentMessageEntity[]> {
    const after = this.after(options.after);
    return this.messages.find({
      where: [
        { nextCheckAt: LessThanOrEqual(now), ...after },
        { nextCheckAt: Not(IsNull()), publishedAt: IsNull(), attempts: 0, ...after },
      ],
      order: { id: 'ASC' },
      take: options.limit,
    });
  }

  /** Codes of the recipients still awaited, by message id. */
  async openRecipients(messageIds: string[]): Promise<Map<string, string[]>> {
    const open = new Map<string, string[]>(messageIds.map((id) => [id, []]));
    if (messageIds.length === 0) return open;
    const rows = await this.recipients.find({
      where: { messageId: In(messageIds), state: In([...OPEN_STATES]) },
      order: { code: 'ASC' },
    });
    for (const row of rows) open.get(row.messageId)?.push(row.code);
    return open;
  }

  /** For the health alert: overdue recipients, envelopes given up without any report, envelopes being retried. */
  async outboxAlerts(): Promise<{ overdue: number; unreported: number; retrying: number }> {
    const overdue = await this.recipients.countBy({ state: 'overdue' });
    const unreported = await this.messages.countBy({ reportStatus: IsNull(), nextCheckAt: IsNull() });
    const retrying = await this.messages.countBy({ lastError: Not(IsNull()), nextCheckAt: Not(IsNull()) });
    return { overdue, unreported, retrying };
  }

  /** Stores the message and one pending state per addressee known now. */
  async insert(
    manager: EntityManager,
    message: SentMessageEntity,
    addressees: readonly string[],
    now: string,
  ): Promise<void> {
    await manager.insert(SentMessageEntity, message);
    if (addressees.length === 0) return;
    await manager.insert(
      RecipientStateEntity,
      addressees.map((code) => ({ messageId: message.id, code, ...PENDING, updatedAt: now })),
    );
  }

  async markPublished(manager: EntityManager, id: string, at: string): Promise<void> {
    await manager.update(SentMessageEntity, { id, publishedAt: IsNull() }, { publishedAt: at });
  }

  async recordAttempt(manager: EntityManager, id: string, record: AttemptRecord): Promise<void> {
    await manager.update(SentMessageEntity, { id }, record);
  }

  async setNextCheck(manager: EntityManager, id: string, nextCheckAt: string | null): Promise<void> {
    await manager.update(SentMessageEntity, { id }, { nextCheckAt });
  }

  async setNextChecks(manager: EntityManager, checks: readonly NextCheck[]): Promise<void> {
    for (const check of checks)
      await manager.update(SentMessageEntity, { id: check.id }, { nextCheckAt: check.nextCheckAt });
  }

  /** A rate-limited refusal: not a verdict, the envelope goes again at `retryAt`. */
  async scheduleRetry(manager: EntityManager, id: string, retryAt: string, lastError: string): Promise<void> {
    await manager.update(
      SentMessageEntity,
      { id, reportStatus: IsNull() },
      { retryAt, nextCheckAt: retryAt, lastError },
    );
  }

  /** Gives up on a message: its open recipients become overdue and the republisher stops looking. */
  async markOverdue(manager: EntityManager, id: string, reason: string, now: string): Promise<string[]> {
    const open = await manager.findBy(RecipientStateEntity, { messageId: id, state: In([...OPEN_STATES]) });
    for (const recipient of open) await this.applyRecipientEvent(manager, id, recipient.code, { type: 'overdue' }, now);
    await manager.update(SentMessageEntity, { id }, { nextCheckAt: null, lastError: reason });
    return open.map((recipient) => recipient.code);
  }

  /** Records the first report only; a duplicate report changes nothing. Returns whether it was the first. */
  async recordReport(manager: EntityManager, id: string, report: SentReport): Promise<boolean> {
    const result = await manager.update(
      SentMessageEntity,
      { id, reportStatus: IsNull() },
      { reportStatus: report.status, reportRefusal: report.refusal, reportedAt: report.reportedAt, report: report.raw },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Moves one recipient forward (creating its row for an "all" message); never backwards. */
  async applyRecipientEvent(
    manager: EntityManager,
    messageId: string,
    code: string,
    event: RecipientEvent,
    now: string,
  ): Promise<void> {
    const current = await manager.findOneBy(RecipientStateEntity, { messageId, code });
    const next = applyRecipientEvent(current ?? PENDING, event);
    if (current && next === current) return;
    await manager.save(RecipientStateEntity, { messageId, code, ...next, updatedAt: now });
  }

  /** Every still-pending addressee of a message, for a report that refused the envelope as a whole. */
  pendingAddressees(manager: EntityManager, messageId: string): Promise<RecipientStateEntity[]> {
    return manager.findBy(RecipientStateEntity, { messageId, state: 'pending' });
  }

  private after(id: string | undefined): FindOptionsWhere<SentMessageEntity> {
    return id ? { id: MoreThan(id) } : {};
  }
}
