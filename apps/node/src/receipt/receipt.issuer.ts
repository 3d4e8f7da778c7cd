import { Injectable } from '@nestjs/common';
import type { ParsedEnvelope } from '@bureaunet/crypto';
import { OutboxSender, type AnswerEffect } from '../outbox/outbox.sender';
import type { SentMessageEntity } from '../store/sent-message.entity';

/**
 * The signed receipt that answers an envelope this node accepted: kind 'receipt', no content,
 * naming the envelope's id and digest (non-repudiation of receipt). Stored with the message it
 * answers (`storeMessage` says whether it is new), then published like any outgoing envelope.
 */
@Injectable()
export class ReceiptIssuer {
  constructor(private readonly outbox: OutboxSender) {}

  issue(received: ParsedEnvelope, storeMessage: AnswerEffect): Promise<SentMessageEntity | undefined> {
    return this.outbox.answer(
      {
        kind: 'receipt',
        to: [received.payload.from],
        meta: { receiptFor: { id: received.payload.id, digest: received.digest } },
      },
      storeMessage,
    );
  }
}
