import { Inject, Injectable, Logger } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { RejectedDeliveryRepository } from './rejected-delivery.repository';

export interface RejectedDeliveryFacts {
  envelopeId?: string;
  from?: string;
  digest?: string;
  msgId?: string;
}

/** Keeps the bytes and the reason of a delivery refused for good, so the ack loses nothing. */
@Injectable()
export class RejectedDeliveryRecorder {
  private readonly logger = new Logger(RejectedDeliveryRecorder.name);

  constructor(
    private readonly rejected: RejectedDeliveryRepository,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(raw: Buffer, refusal: { code: string; message: string }, facts: RejectedDeliveryFacts): Promise<void> {
    const label = facts.envelopeId ?? facts.msgId ?? 'unreadable delivery';
    this.logger.warn(`rejected ${label}${facts.from ? ` from ${facts.from}` : ''}: ${refusal.code}: ${refusal.message}`);
    await this.writer.transaction((manager) =>
      this.rejected.insert(manager, {
        envelopeId: facts.envelopeId ?? null,
        from: facts.from ?? null,
        code: refusal.code,
        message: refusal.message,
        digest: facts.digest ?? null,
        msgId: facts.msgId ?? null,
        raw,
        receivedAt: this.clock.now().toISOString(),
      }),
    );
  }
}
