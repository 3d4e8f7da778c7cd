import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  EVALUATE_SUBJECT_WILDCARD,
  EVALUATOR_KEY_SUBJECT,
  EVALUATOR_QUEUE,
  type EvaluateReply,
  type EvaluatorKey,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { EvaluationService } from './evaluation.service';

/**
 * Core NATS request/reply in the queue group EVALUATOR_QUEUE, so any number of evaluators with the
 * same seed share the load and any one of them answers. Replies are WireReplies (JetStreamServer).
 */
@Controller()
@UseFilters(WireExceptionFilter)
export class EvaluationHandler {
  constructor(private readonly evaluation: EvaluationService) {}

  @MessagePattern(EVALUATOR_KEY_SUBJECT, { queue: EVALUATOR_QUEUE })
  key(): EvaluatorKey {
    return this.evaluation.publicKey();
  }

  @MessagePattern(EVALUATE_SUBJECT_WILDCARD, { queue: EVALUATOR_QUEUE })
  evaluate(@Payload() body: unknown, @Ctx() context: NatsContext): EvaluateReply {
    return this.evaluation.evaluate(context.getSubject(), body);
  }
}
