import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SUBMIT_SUBJECT_WILDCARD } from '@bureaunet/contracts';
import type { JetStreamContext } from '@bureaunet/transport';
import { SubmissionService } from './submission.service';

@Controller()
export class SubmissionHandler {
  constructor(private readonly submissions: SubmissionService) {}

  @EventPattern(SUBMIT_SUBJECT_WILDCARD)
  handle(@Payload() raw: Buffer, @Ctx() context: JetStreamContext): Promise<void> {
    return this.submissions.handle(raw, context.subject, (work) => context.inTurn(work));
  }
}
