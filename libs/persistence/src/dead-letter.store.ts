import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, type FindOptionsWhere, type Repository } from 'typeorm';
import { DeadLetterEntity } from './dead-letter.entity';
import { SerialWriter } from './serial-writer';

/** What the transport knows of a message it gives up retrying (a JetStreamContext fits). */
export interface FailedDelivery {
  subject: string;
  msgId: string | undefined;
  streamSequence: number;
  deliveryCount: number;
}

export type DeadLetterSummary = Omit<DeadLetterEntity, 'raw'>;

export type ParkOutcome = { parked: true; id: number } | { parked: false; waiting: number };

// Every column but the bytes: a page of summaries stays small whatever was parked.
const SUMMARY = {
  id: true,
  key: true,
  subject: true,
  msgId: true,
  streamSequence: true,
  attempts: true,
  lastError: true,
  bytes: true,
  firstSeenAt: true,
  lastSeenAt: true,
  droppedAt: true,
} as const;

/** The dead_letter table: each write one SerialWriter transaction (synchronous=FULL), so a resolved park is durable. */
@Injectable()
export class DeadLetterStore {
  constructor(
    @InjectRepository(DeadLetterEntity) private readonly letters: Repository<DeadLetterEntity>,
    private readonly writer: SerialWriter,
  ) {}

  /**
   * Stores the message, or updates the row a copy of it was parked under (same subject and msgId,
   * or same bytes). Refuses a new row once `limit` wait: the caller keeps the message instead.
   */
  park(
    raw: Buffer,
    delivery: FailedDelivery,
    lastError: string,
    options: { limit: number; now: string },
  ): Promise<ParkOutcome> {
    const key = `${delivery.subject}:${delivery.msgId ?? `sha256:${createHash('sha256').update(raw).digest('base64url')}`}`;
    const { subject, msgId, streamSequence, deliveryCount } = delivery;
    const row = {
      key,
      subject,
      msgId: msgId ?? null,
      streamSequence,
      lastError,
      raw,
      bytes: raw.byteLength,
      lastSeenAt: options.now,
      droppedAt: null,
    };
    return this.writer.transaction(async (manager): Promise<ParkOutcome> => {
      const existing = await manager.findOneBy(DeadLetterEntity, { key });
      if (existing) {
        await manager.update(
          DeadLetterEntity,
          { id: existing.id },
          { ...row, attempts: Math.max(existing.attempts, deliveryCount) },
        );
        return { parked: true, id: existing.id };
      }
      const waiting = await manager.countBy(DeadLetterEntity, { droppedAt: IsNull() });
      if (waiting >= options.limit) return { parked: false, waiting };
      const inserted = await manager.insert(DeadLetterEntity, {
        ...row,
        attempts: deliveryCount,
        firstSeenAt: options.now,
      });
      return { parked: true, id: (inserted.identifiers[0] as { id: number }).id };
    });
  }

  /** Dead letters still waiting for an administrator (dropped ones not counted). */
  countWaiting(): Promise<number> {
    return this.letters.countBy({ droppedAt: IsNull() });
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

  recordFailedRelease(id: number, error: string, now: string): Promise<void> {
    return this.writer.transaction(async (manager) => {
      await manager.increment(DeadLetterEntity, { id }, 'attempts', 1);
      await manager.update(DeadLetterEntity, { id }, { lastError: error, lastSeenAt: now });
    });
  }

  remove(id: number): Promise<void> {
    return this.writer.transaction(async (manager) => {
      await manager.delete(DeadLetterEntity, { id });
    });
  }

  /** Returns false when nothing was waiting under that id. */
  markDropped(id: number, now: string): Promise<boolean> {
    return this.writer.transaction(async (manager) => {
      const result = await manager.update(DeadLetterEntity, { id, droppedAt: IsNull() }, { droppedAt: now });
      return (result.affected ?? 0) > 0;
    });
  }
}
