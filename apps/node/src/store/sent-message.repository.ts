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
import { countedWrite } from './counted-write';
import { plainQuery } from './plain-sql';
import { PENDING } from './recipient-state';
import { RecipientStateEntity } from './recipient-state.entity';
import { upsertRecipientEvents, type RecipientChange } from './recipient-state.upsert';
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

/** A sent message as a report or a receipt needs it. */
export type SentMessageHead = Pick<SentMessageEntity, 'id' | 'kind' | 'to' | 'digest' | 'attempts' | 'reportStatus'>;

/** A first confirmed publish. */
export interface PublishedMark {
  id: string;
  at: string;
}

/** 3 parameters a pending state: a 195-bureau broadcast in two statements. */
const STATE_ROWS_PER_INSERT = 100;
/** 2 parameters a mark. */
const MARKS_PER_UPDATE = 200;

const SENT_MESSAGE_COLUMNS = [
  'id',
  'kind',
  'recipients',
  'meta',
  'envelope',
  'digest',
  'createdAt',
  'expiresAt',
  'publishedAt',
  'reportStatus',
  'reportRefusal',
  'reportedAt',
  'report',
  'attempts',
  'lastAttemptAt',
  'nextCheckAt',
  'retryAt',
  'lastError',
] as const;

const INSERT_MESSAGE = `INSERT INTO "sent_message" (${SENT_MESSAGE_COLUMNS.map((column) => `"${column}"`).join(', ')}) VALUES (${SENT_MESSAGE_COLUMNS.map(() => '?').join(', ')})`;

/** The row's values in SENT_MESSAGE_COLUMNS order, the simple-json columns as TypeORM stores them. */
function sentMessageParameters(message: SentMessageEntity): unknown[] {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return [
    message.id,
    message.kind,
    JSON.stringify(message.to),
    JSON.stringify(message.meta),
    message.envelope,
    message.digest,
    message.createdAt,
    message.expiresAt,
    message.publishedAt,
    message.reportStatus,
    json(message.reportRefusal),
    message.reportedAt,
    message.report,
    message.attempts,
    message.lastAttemptAt,
    message.nextCheckAt,
    message.retryAt,
    message.lastError,
  ];
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

  /** What a report or a receipt is checked against, without the envelope and report blobs: one plain SELECT. */
  async findHead(id: string): Promise<SentMessageHead | null> {
    const [row] = await plainQuery<Array<Omit<SentMessageHead, 'to'> & { recipients: string }>>(
      this.messages.manager,
      'SELECT "id", "kind", "recipients", "digest", "attempts", "reportStatus" FROM "sent_message" WHERE "id" = ?',
      [id],
    );
    if (!row) return null;
    const { recipients, ...head } = row;
    return { ...head, to: JSON.parse(recipients) as SentMessageHead['to'] };
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

  /**
   * Stores the message and one pending state per addressee known now: plain multi-row INSERTs (a
   * broadcast's 195 states in two statements), below the query builder that cost more than SQLite.
   */
  async insert(
    manager: EntityManager,
    message: SentMessageEntity,
    addressees: readonly string[],
    now: string,
  ): Promise<void> {
    await plainQuery(manager, INSERT_MESSAGE, sentMessageParameters(message));
    for (let start = 0; start < addressees.length; start += STATE_ROWS_PER_INSERT) {
      const chunk = addressees.slice(start, start + STATE_ROWS_PER_INSERT);
      await plainQuery(
        manager,
        `INSERT INTO "recipient_state" ("messageId", "code", "state", "refusal", "receiptedAt", "receiptId", "updatedAt") VALUES ${chunk
          .map(() => `(?, ?, '${PENDING.state}', NULL, NULL, NULL, ?)`)
          .join(', ')}`,
        chunk.flatMap((code) => [message.id, code, now]),
      );
    }
  }

  /** The first confirmed publish of each message, one statement for many (the stream's confirmations come together). */
  async markPublished(manager: EntityManager, marks: readonly PublishedMark[]): Promise<void> {
    for (let start = 0; start < marks.length; start += MARKS_PER_UPDATE) {
      const chunk = marks.slice(start, start + MARKS_PER_UPDATE);
      await plainQuery(
        manager,
        `UPDATE "sent_message" SET "publishedAt" = mark.column2 FROM (VALUES ${chunk.map(() => '(?, ?)').join(', ')}) AS mark WHERE "sent_message"."id" = mark.column1 AND "sent_message"."publishedAt" IS NULL`,
        chunk.flatMap((mark) => [mark.id, mark.at]),
      );
    }
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
    const overdue = open.map((recipient) => ({ code: recipient.code, event: { type: 'overdue' as const } }));
    await this.applyRecipientEvents(manager, id, overdue, now);
    await manager.update(SentMessageEntity, { id }, { nextCheckAt: null, lastError: reason });
    return open.map((recipient) => recipient.code);
  }

  /**
   * Records the first report only, with the republisher's next look, in one guarded UPDATE (no read
   * before it); a duplicate report changes nothing. Returns whether it was the first. A report means
   * the stream took the envelope: published, if no confirmation was recorded.
   */
  async recordReport(
    manager: EntityManager,
    id: string,
    report: SentReport,
    nextCheckAt: string | null,
  ): Promise<boolean> {
    const changed = await countedWrite(
      manager,
      'UPDATE "sent_message" SET "publishedAt" = COALESCE("publishedAt", ?), "reportStatus" = ?, "reportRefusal" = ?, "reportedAt" = ?, "report" = ?, "nextCheckAt" = ? WHERE "id" = ? AND "reportStatus" IS NULL',
      [
        report.reportedAt,
        report.status,
        report.refusal === null ? null : JSON.stringify(report.refusal),
        report.reportedAt,
        report.raw,
        nextCheckAt,
        id,
      ],
    );
    return changed > 0;
  }

  /** Moves addressees forward (creating their rows for an "all" message); never backwards. One statement per hundred. */
  applyRecipientEvents(
    manager: EntityManager,
    messageId: string,
    changes: readonly RecipientChange[],
    now: string,
  ): Promise<void> {
    return upsertRecipientEvents(manager, messageId, changes, now);
  }

  /** Every still-pending addressee of a message, for a report that refused the envelope as a whole. */
  pendingAddressees(manager: EntityManager, messageId: string): Promise<RecipientStateEntity[]> {
    return manager.findBy(RecipientStateEntity, { messageId, state: 'pending' });
  }

  private after(id: string | undefined): FindOptionsWhere<SentMessageEntity> {
    return id ? { id: MoreThan(id) } : {};
  }
}
