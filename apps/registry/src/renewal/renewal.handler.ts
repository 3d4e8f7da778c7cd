import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RENEW_SUBJECT, renewRequestSchema, type EnrolResponse } from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { parseWireBody } from '../wire-body';
import { RenewalService } from './renewal.service';

/** Renewal over NATS request/reply: how nodes and the gateway renew before their certificates expire. */
@Controller()
@UseFilters(WireExceptionFilter)
export class RenewalHandler {
  constructor(private readonly renewal: RenewalService) {}

  @MessagePattern(RENEW_SUBJECT)
  renew(@Payload() body: unknown): Promise<EnrolResponse> {
    const request = parseWireBody(renewRequestSchema, body);
    return this.renewal.renew(request.code, request.request);
  }
}
