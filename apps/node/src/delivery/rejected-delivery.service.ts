import { Inject, Injectable, Logger } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository } from '../store/sent-message.repository';
import { RejectedDeliveryRepository } from '../store/rejected-delivery.repository';

export interface RejectedDeliveryFacts {
  envelopeId?: string;
  from?: string;
  digest?: string;
  msgId?: string;
}

/** Keeps the bytes and the reason of a delivery refused for good, so the ack loses nothing. */
@Injectable()
export class RejectedDeliveryService {
  private readonly logger = new Logger(RejectedDeliveryService.name);

  constructor(
    private readonly rejected: RejectedDeliveryRepository,
    private readonly sent: SentMessageRepository,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * With `answer` (the signed rejection for an envelope whose signature verified), stores it in
   * the same transaction to go back to the sender, unless that envelope was answered already: one
   * rejection per envelope. Returns the answer to publish, if it is new.
   */
  async record(
    raw: Buffer,
    refusal: { code: string; message: string },
    facts: RejectedDeliveryFacts,
    answer?: SentMessageEntity,
  ): Promise<SentMessageEntity | undefined> {
    const label = facts.envelopeId ?? facts.msgId ?? 'unreadable delivery';
    this.logger.warn(
      `rejected ${label}${facts.from ? ` from ${facts.from}` : ''}: ${refusal.code}: ${refusal.message}`,
    );
    const now = this.clock.now().toISOString();
    return this.writer.transaction(async (manager) => {
      const { envelopeId, from, digest } = facts;
      const answered =
        answer && envelopeId && from && digest && !(await this.rejected.isAnswered(manager, envelopeId, digest))
          ? answer
          : undefined;
      await this.rejected.insert(manager, {
        envelopeId: envelopeId ?? null,
        from: from ?? null,
        code: refusal.code,
        message: refusal.message,
        digest: digest ?? null,
        msgId: facts.msgId ?? null,
        raw,
        receivedAt: now,
        rejectionId: answered?.id ?? null,
      });
      if (answered && from) await this.sent.insert(manager, answered, [from], now);
      return answered;
    });
  }
}
