import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ENROL_SUBJECT, type EnrolResponse } from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { parseWireBody } from '../wire-body';
import { enrolRequestBodySchema } from './enrol-request';
import { EnrolmentService } from './enrolment.service';

/** Enrolment over NATS request/reply: how nodes and the gateway enrol on first start. */
@Controller()
@UseFilters(WireExceptionFilter)
export class EnrolmentHandler {
  constructor(private readonly enrolment: EnrolmentService) {}

  @MessagePattern(ENROL_SUBJECT)
  enrol(@Payload() body: unknown): Promise<EnrolResponse> {
    return this.enrolment.enrol(parseWireBody(enrolRequestBodySchema, body));
  }
}
