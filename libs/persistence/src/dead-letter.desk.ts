import { Logger } from '@nestjs/common';
import { DomainError } from '@bureaunet/contracts';
import type { DeadLetterEntity } from './dead-letter.entity';
import type { DeadLetterStore, DeadLetterSummary, FailedDelivery } from './dead-letter.store';

export interface DeadLetterDeskOptions {
  /** The logger's name, e.g. "DeadLetters". */
  name: string;
  /** Dead letters kept waiting before parking is refused (the message then stays on its stream). */
  limit: number;
  now: () => Date;
  /** Runs a parked message again through its handler; resolves when the handler settled it. */
  rerun: (letter: DeadLetterEntity) => Promise<void>;
}

export interface ReleaseOutcome {
  id: number;
  outcome: 'released';
}

/**
 * What a service does with poison messages: parks them (the transport's dead-letter hook — it
 * acks only once this resolved), says so loudly, and lets an administrator release (run again:
 * removed once it settles, kept with the new error otherwise) or drop them (kept as a record).
 * Past the limit it refuses to park, so the transport keeps the message: nothing is ever dropped
 * without a person deciding it.
 */
export class DeadLetterDesk {
  private readonly logger: Logger;

  constructor(
    private readonly store: DeadLetterStore,
    private readonly options: DeadLetterDeskOptions,
  ) {
    this.logger = new Logger(options.name);
  }

  async park(raw: Buffer, delivery: FailedDelivery, error: unknown): Promise<void> {
    const lastError = describe(error);
    const outcome = await this.store.park(raw, delivery, lastError, { limit: this.options.limit, now: this.now() });
    const what = `${delivery.subject} #${delivery.streamSequence} msgId=${delivery.msgId ?? 'none'}`;
    if (!outcome.parked) {
      this.logger.error(
        `ALERT dead letters full (${outcome.waiting} of ${this.options.limit}): ${what} stays on its stream unacked; release or drop dead letters`,
      );
      throw new DomainError(
        'dead-letter-full',
        `${outcome.waiting} dead letters wait, the limit: ${what} is not parked`,
        'unavailable',
      );
    }
    this.logger.error(
      `ALERT dead letter ${outcome.id}: ${what} parked after ${delivery.deliveryCount} failed deliveries: ${lastError}`,
    );
  }

  countWaiting(): Promise<number> {
    return this.store.countWaiting();
  }

  list(query: { limit: number; before?: number; dropped: boolean }): Promise<DeadLetterSummary[]> {
    return this.store.list(query);
  }

  /** One dead letter with its bytes, dropped or not. */
  async show(id: number): Promise<DeadLetterEntity> {
    const letter = await this.store.findById(id);
    if (!letter) throw new DomainError('dead-letter-not-found', `no dead letter ${id}`, 'not-found');
    return letter;
  }

  async release(id: number): Promise<ReleaseOutcome> {
    const letter = await this.waiting(id);
    try {
      await this.options.rerun(letter);
    } catch (error) {
      await this.store.recordFailedRelease(id, describe(error), this.now());
      throw new DomainError(
        'dead-letter-still-failing',
        `dead letter ${id} failed again and is kept: ${describe(error)}`,
        'conflict',
      );
    }
    await this.store.remove(id);
    this.logger.log(
      `dead letter ${id} (${letter.subject} msgId=${letter.msgId ?? 'none'}) released: its handler settled it`,
    );
    return { id, outcome: 'released' };
  }

  async drop(id: number): Promise<void> {
    const letter = await this.waiting(id);
    if (!(await this.store.markDropped(id, this.now()))) throw notFound(id);
    this.logger.warn(
      `dead letter ${id} (${letter.subject} msgId=${letter.msgId ?? 'none'}) dropped by an administrator; the row stays as the record`,
    );
  }

  private async waiting(id: number): Promise<DeadLetterEntity> {
    const letter = await this.store.findById(id);
    if (!letter || letter.droppedAt !== null) throw notFound(id);
    return letter;
  }

  private now(): string {
    return this.options.now().toISOString();
  }
}

function notFound(id: number): DomainError {
  return new DomainError('dead-letter-not-found', `no dead letter ${id} is waiting`, 'not-found');
}

function describe(error: unknown): string {
  const text =
    error instanceof Error
      ? error.name === 'Error'
        ? error.message
        : `${error.name}: ${error.message}`
      : String(error);
  return text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}
