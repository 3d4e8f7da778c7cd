import { Inject, Injectable, Logger } from '@nestjs/common';
import { scopeReferenceOf, type ReceiptReference } from '@bureaunet/contracts';
import type { ParsedEnvelope } from '@bureaunet/crypto';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { DeliveryRefusal } from '../delivery/delivery-refusal';
import { ReceivedMessageRepository } from '../store/received-message.repository';
import { receivedMessageRow } from '../store/received-message.row';
import type { RecipientEvent } from '../store/recipient-state';
import { SentMessageRepository, type SentMessageHead } from '../store/sent-message.repository';

/**
 * A recipient's signed receipt for one of our envelopes (its signature already verified end to
 * end): kept as evidence, and that recipient's state becomes 'receipted' — or 'rejected' with the
 * refusal, when the receipt is the recipient's signed rejection of the envelope.
 */
@Injectable()
export class ReceiptService {
  private readonly logger = new Logger(ReceiptService.name);

  constructor(
    private readonly sent: SentMessageRepository,
    private readonly received: ReceivedMessageRepository,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: ConsoleEventBus,
  ) {}

  async accept(raw: Buffer, receipt: ParsedEnvelope): Promise<void> {
    const { id, from, meta, createdAt } = receipt.payload;
    const receiptFor = meta.receiptFor;
    if (!receiptFor) throw new DeliveryRefusal('bad-receipt', `receipt ${id} names no envelope`);
    const original = await this.sent.findHead(receiptFor.id);
    this.check(receipt, original);
    const now = this.clock.now().toISOString();
    const stored = await this.writer.transaction(async (manager) => {
      if (!(await this.received.insertOnce(manager, receivedMessageRow(raw, receipt, null, now)))) return false;
      const event = recipientEvent(receiptFor, createdAt, id);
      await this.sent.applyRecipientEvents(manager, receiptFor.id, [{ code: from, event }], now);
      return true;
    });
    if (!stored) return;
    const messageId = receiptFor.id;
    if (receiptFor.refused) {
      this.logger.warn(`${from} rejected ${messageId}: ${receiptFor.refused.code}: ${receiptFor.refused.reason}`);
      this.events.publish({
        name: 'refusal',
        data: { messageId, recipient: from, reason: `${receiptFor.refused.code}: ${receiptFor.refused.reason}` },
      });
    } else {
      this.logger.log(`${from} receipted ${messageId}`);
      this.events.publish({ name: 'receipt', data: { messageId, recipient: from, state: 'receipted' } });
    }
  }

  private check(receipt: ParsedEnvelope, original: SentMessageHead | null): void {
    const { id, from, meta } = receipt.payload;
    const named = meta.receiptFor!;
    if (!original || original.kind === 'receipt') {
      throw new DeliveryRefusal(
        'bad-receipt',
        `receipt ${id} from ${from} names ${named.id}, which is no message sent from here`,
      );
    }
    // Sent to a group:/operation: scope, the gateway admits a receipt only from a member it delivered to.
    if (original.to !== 'all' && !original.to.includes(from) && !original.to.some((to) => scopeReferenceOf(to))) {
      throw new DeliveryRefusal(
        'bad-receipt',
        `receipt ${id} from ${from} names ${named.id}, which was not sent to ${from}`,
      );
    }
    if (named.digest !== original.digest) {
      throw new DeliveryRefusal(
        'bad-receipt',
        `receipt ${id} from ${from} names digest ${named.digest}, but ${named.id} was sent with digest ${original.digest}`,
      );
    }
  }
}

function recipientEvent(receiptFor: ReceiptReference, at: string, receiptId: string): RecipientEvent {
  const { refused } = receiptFor;
  if (!refused) return { type: 'receipted', at, receiptId };
  return { type: 'rejected', at, receiptId, refusal: { code: refused.code, message: refused.reason } };
}
