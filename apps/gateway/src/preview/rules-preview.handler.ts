import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  DomainError,
  RULES_PREVIEW_SUBJECT_WILDCARD,
  bureauCodeSchema,
  rulesPreviewRequestSchema,
  type RulesPreviewAnswer,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { RulesPreviewService } from './rules-preview.service';

/** A bureau's rules preview over NATS request/reply; the bureau is the subject's last token (the broker checks it). */
@Controller()
@UseFilters(WireExceptionFilter)
export class RulesPreviewHandler {
  constructor(private readonly previews: RulesPreviewService) {}

  @MessagePattern(RULES_PREVIEW_SUBJECT_WILDCARD)
  async preview(@Payload() body: unknown, @Ctx() context: NatsContext): Promise<RulesPreviewAnswer> {
    const code = bureauCodeSchema.safeParse(context.getSubject().split('.').pop() ?? '');
    if (!code.success)
      throw new DomainError(
        'invalid-request',
        `subject ${context.getSubject()} does not end with a bureau code`,
        'invalid',
      );
    const request = rulesPreviewRequestSchema.safeParse(body);
    if (!request.success)
      throw new DomainError(
        'invalid-request',
        `preview request: ${request.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`,
        'invalid',
      );
    return this.previews.preview(code.data, request.data);
  }
}
