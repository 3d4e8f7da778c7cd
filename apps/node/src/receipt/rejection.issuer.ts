import { Injectable } from '@nestjs/common';
import { MAX_REFUSAL_REASON_LENGTH, type RefusalCode } from '@bureaunet/contracts';
import type { ParsedEnvelope } from '@bureaunet/crypto';
import { OutgoingEnvelopeFactory } from '../outbox/outgoing-envelope.factory';
import type { SentMessageEntity } from '../store/sent-message.entity';

/**
 * The signed answer to an envelope this node refused after its signature verified: a receipt
 * naming the envelope's id and digest with the refusal, so the sender sees 'rejected' and why.
 * Only for authenticated envelopes: anything else could make this node sign for a forger.
 */
@Injectable()
export class RejectionIssuer {
  constructor(private readonly envelopes: OutgoingEnvelopeFactory) {}

  seal(refused: ParsedEnvelope, refusal: { code: RefusalCode; message: string }): Promise<SentMessageEntity> {
    const reason =
      refusal.message.length > MAX_REFUSAL_REASON_LENGTH
        ? `${refusal.message.slice(0, MAX_REFUSAL_REASON_LENGTH - 1)}…`
        : refusal.message;
    return this.envelopes.seal({
      kind: 'receipt',
      to: [refused.payload.from],
      meta: { receiptFor: { id: refused.payload.id, digest: refused.digest, refused: { code: refusal.code, reason } } },
      recipients: [],
    });
  }
}
