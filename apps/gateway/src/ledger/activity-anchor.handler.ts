import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  ACTIVITY_ANCHOR_SUBJECT_WILDCARD,
  DomainError,
  activityAnchorSchema,
  schemaIssues,
  type ActivityAnchorReply,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { ActivityAnchorRecorder } from './activity-anchor.recorder';

/**
 * Nodes' activity log heads over request/reply. The subject's last token is the sender's code,
 * and the broker lets a node publish only on its own: a head must name the same code.
 */
@Controller()
@UseFilters(WireExceptionFilter)
export class ActivityAnchorHandler {
  constructor(private readonly recorder: ActivityAnchorRecorder) {}

  @MessagePattern(ACTIVITY_ANCHOR_SUBJECT_WILDCARD)
  anchor(@Payload() body: unknown, @Ctx() context: NatsContext): Promise<ActivityAnchorReply> {
    const parsed = activityAnchorSchema.safeParse(body);
    if (!parsed.success) throw new DomainError('invalid-request', schemaIssues(parsed.error, 'body'), 'invalid');
    const code = context.getSubject().split('.').pop();
    if (parsed.data.code !== code)
      throw new DomainError(
        'anchor-refused',
        `a head of ${parsed.data.code} came on ${context.getSubject()}`,
        'forbidden',
      );
    return this.recorder.record(parsed.data);
  }
}
