import { Injectable } from '@nestjs/common';
import type { JetStreamContext } from '@bureaunet/transport';
import { SubmissionService } from './submission.service';

/** A submission from a sender's consumer (SubmissionLanes), its ordered part in the sender's turn. */
@Injectable()
export class SubmissionHandler {
  constructor(private readonly submissions: SubmissionService) {}

  handle(raw: Buffer, context: JetStreamContext): Promise<void> {
    return this.submissions.handle(raw, context.subject, (work) => context.inTurn(work));
  }
}
