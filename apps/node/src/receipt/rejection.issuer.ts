import { Injectable } from '@nestjs/common';
import { MAX_REFUSAL_REASON_LENGTH, type RefusalCode } from '@bureaunet/contracts';
import type { ParsedEnvelope } from '@bureaunet/crypto';
import { OutboxSender, type AnswerEffect } from '../outbox/outbox.sender';
import type { SentMessageEntity } from '../store/sent-message.entity';

/**
 * The signed answer to an envelope this node refused after its signature verified: a receipt
 * naming the envelope's id and digest with the refusal, so the sender sees 'rejected' and why.
 * Only for authenticated envelopes: anything else could make this node sign for a forger.
 */
@Injectable()
export class RejectionIssuer {
  constructor(private readonly outbox: OutboxSender) {}

  issue(
    refused: ParsedEnvelope,
    refusal: { code: RefusalCode; message: string },
    recordRefusal: AnswerEffect,
  ): Promise<SentMessageEntity | undefined> {
    const reason =
      refusal.message.length > MAX_REFUSAL_REASON_LENGTH
        ? `${refusal.message.slice(0, MAX_REFUSAL_REASON_LENGTH - 1)}…`
        : refusal.message;
    return this.outbox.answer(
      {
        kind: 'receipt',
        to: [refused.payload.from],
        meta: {
          receiptFor: { id: refused.payload.id, digest: refused.digest, refused: { code: refusal.code, reason } },
        },
      },
      recordRefusal,
    );
  }
}
