import { Inject, Injectable } from '@nestjs/common';
import { SerialWriter } from '@bureaunet/persistence';
import { CLOCK, type Clock } from '@bureaunet/platform';
import type { MessageCreatedDto, SendMessageDto } from './outbox.dto';
import { OutboxPublisher } from './outbox.publisher';
import { OutgoingEnvelopeFactory } from './outgoing-envelope.factory';
import { RecipientResolver } from './recipient.resolver';
import { SentMessageRepository } from '../store/sent-message.repository';

@Injectable()
export class OutboxService {
  constructor(
    private readonly resolver: RecipientResolver,
    private readonly envelopes: OutgoingEnvelopeFactory,
    private readonly sent: SentMessageRepository,
    private readonly publisher: OutboxPublisher,
    private readonly writer: SerialWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Seals, stores (message and pending recipients in one transaction), then publishes. The message
   * is durable once stored: a failed publish is left to the republisher.
   */
  async send(request: SendMessageDto): Promise<MessageCreatedDto> {
    const { addressees, keys } = await this.resolver.resolve(request.to);
    const message = await this.envelopes.seal({
      kind: request.kind,
      to: request.to,
      meta: request.meta ?? {},
      body: request.body,
      recipients: keys,
    });
    const now = this.clock.now().toISOString();
    await this.writer.transaction((manager) => this.sent.insert(manager, message, addressees, now));
    await this.publisher.publishIfUp(message);
    return { id: message.id };
  }
}
