import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { InboxService } from '../inbox/inbox.service';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import type { DeadLetterEntity } from './dead-letter.entity';
import { DeadLetterRepository, type DeadLetterSummary } from './dead-letter.repository';

/** What the transport knows of a delivery it gives up retrying (a JetStreamContext fits). */
export interface FailedDelivery {
  subject: string;
  msgId: string | undefined;
  streamSequence: number;
  deliveryCount: number;
}

export type ReleaseOutcome = { id: number; outcome: 'released' };

/**
 * Poison deliveries: parked durably (the transport acks only afterwards), counted on the health
 * route, released through the inbox or dropped by an administrator. Past the configured limit it
 * refuses to park: the transport keeps the message (nak) and this logs an alert, dropping nothing.
 */
@Injectable()
export class DeadLetterService {
  private readonly logger = new Logger(DeadLetterService.name);

  constructor(
    private readonly letters: DeadLetterRepository,
    private readonly inbox: InboxService,
    private readonly writer: SerialWriter,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async park(raw: Buffer, delivery: FailedDelivery, error: unknown): Promise<void> {
    const key = `${delivery.subject}:${delivery.msgId ?? `sha256:${createHash('sha256').update(raw).digest('base64url')}`}`;
    const lastError = describe(error);
    const now = this.clock.now().toISOString();
    const id = await this.writer.transaction(async (manager) => {
      const existing = await this.letters.findByKey(manager, key);
      const waiting = await this.letters.countWaiting(manager);
      if (!existing && waiting >= this.config.deadLetterLimit) {
        this.logger.error(`ALERT dead-letter table full (${waiting} of ${this.config.deadLetterLimit}): ${key} is not parked but kept on the stream; release or drop dead letters`);
        throw new DomainError('dead-letter-full', `the dead-letter table holds ${waiting} deliveries, its limit`, 'unavailable');
      }
      const { subject, msgId, streamSequence, deliveryCount } = delivery;
      return this.letters.upsert(manager, existing, { key, subject, msgId: msgId ?? null, streamSequence, attempts: deliveryCount, lastError, raw, bytes: raw.byteLength }, now);
    });
    this.logger.error(`ALERT dead letter ${id}: ${delivery.subject} msgId=${delivery.msgId ?? 'none'} parked after ${delivery.deliveryCount} failed deliveries: ${lastError}`);
  }

  list(query: { limit: number; before?: number; dropped: boolean }): Promise<DeadLetterSummary[]> {
    return this.letters.list(query);
  }

  /** One dead letter, bytes included, dropped or not. */
  async show(id: number): Promise<DeadLetterEntity> {
    const letter = await this.letters.findById(id);
    if (!letter) throw new DomainError('dead-letter-not-found', `no dead letter ${id}`, 'not-found');
    return letter;
  }

  countWaiting(): Promise<number> {
    return this.letters.countWaiting();
  }

  /** Runs the stored bytes through the inbox now: removed once settled, kept with the new error otherwise. */
  async release(id: number): Promise<ReleaseOutcome> {
    const letter = await this.waiting(id);
    try {
      await this.inbox.receive(letter.raw, letter.msgId ?? undefined);
    } catch (error) {
      const now = this.clock.now().toISOString();
      await this.writer.transaction((manager) => this.letters.recordFailedRelease(manager, id, describe(error), now));
      throw new DomainError('dead-letter-still-failing', `dead letter ${id} failed again and is kept: ${describe(error)}`, 'conflict');
    }
    await this.writer.transaction((manager) => this.letters.remove(manager, id));
    this.logger.log(`dead letter ${id} (${letter.subject} msgId=${letter.msgId ?? 'none'}) released: the inbox settled it`);
    return { id, outcome: 'released' };
  }

  /** Gives the delivery up; the row (bytes included) stays as the record of it. */
  async drop(id: number): Promise<void> {
    const letter = await this.waiting(id);
    const now = this.clock.now().toISOString();
    if (!(await this.writer.transaction((manager) => this.letters.markDropped(manager, id, now)))) throw notFound(id);
    this.logger.warn(`dead letter ${id} (${letter.subject} msgId=${letter.msgId ?? 'none'}) dropped by an administrator`);
  }

  private async waiting(id: number): Promise<DeadLetterEntity> {
    const letter = await this.letters.findById(id);
    if (!letter || letter.droppedAt !== null) throw notFound(id);
    return letter;
  }
}

function notFound(id: number): DomainError {
  return new DomainError('dead-letter-not-found', `no dead letter ${id} is waiting`, 'not-found');
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}
