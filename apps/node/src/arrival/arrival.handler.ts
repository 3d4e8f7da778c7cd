import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DELIVER_SUBJECT_WILDCARD } from '@bureaunet/contracts';
import { WireExceptionFilter, type JetStreamContext } from '@bureaunet/transport';
import { ArrivalRouter } from './arrival.router';

/** This bureau's delivery subject (the consumer filters bn.deliver.<own code>): envelopes and reports. */
@Controller()
// The real error (not Nest's "Internal server error") reaches the nak log and the dead-letter record.
@UseFilters(WireExceptionFilter)
export class ArrivalHandler {
  constructor(private readonly arrivals: ArrivalRouter) {}

  @EventPattern(DELIVER_SUBJECT_WILDCARD)
  async onDelivery(@Payload() data: Buffer, @Ctx() context: JetStreamContext): Promise<void> {
    await this.arrivals.route(data, context.msgId);
  }
}
