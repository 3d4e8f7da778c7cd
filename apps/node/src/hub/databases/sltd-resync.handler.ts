import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  bureauCodeSchema,
  DomainError,
  schemaIssues,
  SLTD_RESYNC_SUBJECT_WILDCARD,
  sltdResyncRequestSchema,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { SltdConsumersProvisioner, type SltdResyncPlacement } from './sltd-consumers.provisioner';

/**
 * A bureau asks to have its replica consumer placed after the last entry it holds
 * (`bn.sltd.resync.<CC>`, body {afterSequence}). The bureau is the subject's last token: the broker
 * lets each node publish only on its own.
 */
@Controller()
@UseFilters(WireExceptionFilter)
export class SltdResyncHandler {
  constructor(private readonly consumers: SltdConsumersProvisioner) {}

  @MessagePattern(SLTD_RESYNC_SUBJECT_WILDCARD)
  resync(@Payload() body: unknown, @Ctx() context: NatsContext): Promise<SltdResyncPlacement> {
    const code = bureauCodeSchema.safeParse(context.getSubject().split('.').pop());
    if (!code.success)
      throw new DomainError('bad-request', `subject ${context.getSubject()} does not end with a bureau code`);
    const request = sltdResyncRequestSchema.safeParse(body);
    if (!request.success) throw new DomainError('bad-request', schemaIssues(request.error));
    return this.consumers.resync(code.data, request.data.afterSequence);
  }
}
