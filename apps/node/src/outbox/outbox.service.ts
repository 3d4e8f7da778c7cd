import { Injectable } from '@nestjs/common';
import type { MessageCreatedDto, SendMessageDto } from './outbox.dto';
import { OutboxSender } from './outbox.sender';

/** POST /api/messages: an officer's message, sent like any other. */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxSender) {}

  async send(request: SendMessageDto): Promise<MessageCreatedDto> {
    const message = await this.outbox.send({
      kind: request.kind,
      to: request.to,
      meta: request.meta ?? {},
      body: request.body,
    });
    return { id: message.id };
  }
}
