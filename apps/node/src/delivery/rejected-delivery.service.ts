import { Inject, Injectable, Logger } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { EntityManager } from 'typeorm';
import { RejectedDeliveryRepository } from '../store/rejected-delivery.repository';

export interface RejectedDeliveryFacts {
  envelopeId?: string;
  from?: string;
  digest?: string;
  msgId?: string;
}

export interface Refused {
  raw: Buffer;
  refusal: { code: string; message: string };
  facts: RejectedDeliveryFacts;
}

/** Keeps the bytes and the reason of a delivery refused for good, so the ack loses nothing. */
@Injectable()
export class RejectedDeliveryService {
  private readonly logger = new Logger(RejectedDeliveryService.name);

  constructor(
    private readonly rejected: RejectedDeliveryRepository,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A refusal nobody is answered for (unauthenticated, a receipt, a gateway report). */
  async record(refused: Refused): Promise<void> {
    this.log(refused);
    const now = this.clock.now().toISOString();
    await this.writer.transaction((manager) => this.insert(manager, refused, now, null));
  }

  /**
   * In the transaction of the signed rejection `answerId` (for an envelope whose signature
   * verified): one rejection per envelope, so false, and the refusal kept alone, when that
   * envelope (id and digest) was answered already.
   */
  async recordAnswered(manager: EntityManager, refused: Refused, answerId: string, now: string): Promise<boolean> {
    this.log(refused);
    const { envelopeId, digest } = refused.facts;
    const due = !!envelopeId && !!digest && !(await this.rejected.isAnswered(manager, envelopeId, digest));
    await this.insert(manager, refused, now, due ? answerId : null);
    return due;
  }

  private async insert(
    manager: EntityManager,
    { raw, refusal, facts }: Refused,
    now: string,
    rejectionId: string | null,
  ) {
    await this.rejected.insert(manager, {
      envelopeId: facts.envelopeId ?? null,
      from: facts.from ?? null,
      code: refusal.code,
      message: refusal.message,
      digest: facts.digest ?? null,
      msgId: facts.msgId ?? null,
      raw,
      receivedAt: now,
      rejectionId,
    });
  }

  private log({ refusal, facts }: Refused): void {
    const label = facts.envelopeId ?? facts.msgId ?? 'unreadable delivery';
    this.logger.warn(
      `rejected ${label}${facts.from ? ` from ${facts.from}` : ''}: ${refusal.code}: ${refusal.message}`,
    );
  }
}
