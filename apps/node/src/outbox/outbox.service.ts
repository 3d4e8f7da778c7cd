import { Injectable } from '@nestjs/common';
import { OutgoingMetaGuard } from '../handling/outgoing-meta.guard';
import type { MessageCreatedDto, SendMessageDto } from './outbox.dto';
import { OutboxSender } from './outbox.sender';

/** POST /api/messages: an officer's message, sent like any other. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxSender,
    private readonly guard: OutgoingMetaGuard,
  ) {}

  async send(request: SendMessageDto): Promise<MessageCreatedDto> {
    const message = await this.outbox.send({
      kind: request.kind,
      to: request.to,
      // Received content goes on only as a forward; a forward or reply keeps the handling code.
      meta: await this.guard.check(request.meta ?? {}, request.body),
      body: request.body,
    });
    return { id: message.id };
  }
}
