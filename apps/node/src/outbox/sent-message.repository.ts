import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, MoreThan, Not, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import type { Refusal } from '@bureaunet/contracts';
import { applyRecipientEvent, PENDING, type RecipientEvent } from './recipient-state';
import { RecipientStateEntity } from './recipient-state.entity';
import { SentMessageEntity, type ReportStatus } from './sent-message.entity';

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
    return (manager?.getRepository(RecipientStateEntity) ?? this.recipients).find({ where: { messageId: In(messageIds) }, order: { messageId: 'ASC', code: 'ASC' } });
  }

  /** Newest first (ids are UUIDv7), without the receipts this node sent. */
  listNewestFirst(options: { limit: number; before?: string }, manager?: EntityManager): Promise<SentMessageEntity[]> {
    const where: FindOptionsWhere<SentMessageEntity> = { kind: Not('receipt') };
    if (options.before) where.id = LessThan(options.before);
    return (manager?.getRepository(SentMessageEntity) ?? this.messages).find({ where, order: { id: 'DESC' }, take: options.limit });
  }

  /** Oldest first, keyset-paged: what was never confirmed by the submissions stream. */
  findUnpublished(options: { limit: number; after?: string }): Promise<SentMessageEntity[]> {
    return this.messages.find({ where: { publishedAt: IsNull(), ...this.after(options.after) }, order: { id: 'ASC' }, take: options.limit });
  }

  /** Oldest first, keyset-paged: what still has no delivery report. */
  findUnreported(options: { limit: number; after?: string }): Promise<SentMessageEntity[]> {
    return this.messages.find({ where: { reportStatus: IsNull(), ...this.after(options.after) }, order: { id: 'ASC' }, take: options.limit });
  }

  /** Stores the message and one pending state per addressee known now. */
  async insert(manager: EntityManager, message: SentMessageEntity, addressees: readonly string[], now: string): Promise<void> {
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
  async applyRecipientEvent(manager: EntityManager, messageId: string, code: string, event: RecipientEvent, now: string): Promise<void> {
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
