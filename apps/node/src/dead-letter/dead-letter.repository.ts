import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { DeadLetterEntity } from './dead-letter.entity';

export type ParkedDelivery = Pick<DeadLetterEntity, 'key' | 'subject' | 'msgId' | 'streamSequence' | 'attempts' | 'lastError' | 'raw' | 'bytes'>;

export type DeadLetterSummary = Omit<DeadLetterEntity, 'raw'>;

// Every column but the bytes: a page of summaries stays small whatever was parked.
const SUMMARY = { id: true, key: true, subject: true, msgId: true, streamSequence: true, attempts: true, lastError: true, bytes: true, firstSeenAt: true, lastSeenAt: true, droppedAt: true } as const;

/** Reads use the repository; writes take the EntityManager of a SerialWriter transaction. */
@Injectable()
export class DeadLetterRepository {
  constructor(@InjectRepository(DeadLetterEntity) private readonly letters: Repository<DeadLetterEntity>) {}

  /** Dead letters still waiting for an administrator (dropped ones not counted). */
  countWaiting(manager?: EntityManager): Promise<number> {
    return (manager?.getRepository(DeadLetterEntity) ?? this.letters).countBy({ droppedAt: IsNull() });
  }

  findById(id: number): Promise<DeadLetterEntity | null> {
    return this.letters.findOneBy({ id });
  }

  /** Newest first; `before` is the id of the last one already seen. */
  list(options: { limit: number; before?: number; dropped: boolean }): Promise<DeadLetterSummary[]> {
    const where: FindOptionsWhere<DeadLetterEntity> = options.dropped ? {} : { droppedAt: IsNull() };
    if (options.before !== undefined) where.id = LessThan(options.before);
    return this.letters.find({ select: SUMMARY, where, order: { id: 'DESC' }, take: options.limit });
  }

  findByKey(manager: EntityManager, key: string): Promise<DeadLetterEntity | null> {
    return manager.findOneBy(DeadLetterEntity, { key });
  }

  /** Inserts the delivery, or updates `existing` (the row already parked under its key). Returns the row's id. */
  async upsert(manager: EntityManager, existing: DeadLetterEntity | null, delivery: ParkedDelivery, now: string): Promise<number> {
    if (existing) {
      const attempts = Math.max(existing.attempts, delivery.attempts);
      await manager.update(DeadLetterEntity, { id: existing.id }, { ...delivery, attempts, lastSeenAt: now, droppedAt: null });
      return existing.id;
    }
    const inserted = await manager.insert(DeadLetterEntity, { ...delivery, firstSeenAt: now, lastSeenAt: now, droppedAt: null });
    return (inserted.identifiers[0] as { id: number }).id;
  }

  async recordFailedRelease(manager: EntityManager, id: number, error: string, now: string): Promise<void> {
    await manager.increment(DeadLetterEntity, { id }, 'attempts', 1);
    await manager.update(DeadLetterEntity, { id }, { lastError: error, lastSeenAt: now });
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(DeadLetterEntity, { id });
  }

  /** Returns false when there was nothing waiting under that id. */
  async markDropped(manager: EntityManager, id: number, now: string): Promise<boolean> {
    const result = await manager.update(DeadLetterEntity, { id, droppedAt: IsNull() }, { droppedAt: now });
    return (result.affected ?? 0) > 0;
  }
}
