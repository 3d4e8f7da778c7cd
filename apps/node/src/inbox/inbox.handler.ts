import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DELIVER_SUBJECT_WILDCARD } from '@bureaunet/contracts';
import { WireExceptionFilter, type JetStreamContext } from '@bureaunet/transport';
import { InboxService } from './inbox.service';

/** This bureau's delivery subject (the consumer filters bn.deliver.<own code>): envelopes and reports. */
@Controller()
// The real error (not Nest's "Internal server error") reaches the nak log and the dead-letter record.
@UseFilters(WireExceptionFilter)
export class InboxHandler {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(DELIVER_SUBJECT_WILDCARD)
  async onDelivery(@Payload() data: Buffer, @Ctx() context: JetStreamContext): Promise<void> {
    await this.inbox.receive(data, context.msgId);
  }
}
