import { Injectable } from '@nestjs/common';
import type { ParsedEnvelope } from '@bureaunet/crypto';
import { OutgoingEnvelopeFactory } from '../outbox/outgoing-envelope.factory';
import type { SentMessageEntity } from '../store/sent-message.entity';

/**
 * The signed receipt that answers an envelope this node accepted: kind 'receipt', no content,
 * naming the envelope's id and digest (non-repudiation of receipt). Stored with the message it
 * answers, then published like any outgoing envelope.
 */
@Injectable()
export class ReceiptIssuer {
  constructor(private readonly envelopes: OutgoingEnvelopeFactory) {}

  seal(received: ParsedEnvelope): Promise<SentMessageEntity> {
    return this.envelopes.seal({
      kind: 'receipt',
      to: [received.payload.from],
      meta: { receiptFor: { id: received.payload.id, digest: received.digest } },
      recipients: [],
    });
  }
}
