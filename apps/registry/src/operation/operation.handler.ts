import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext } from '@nestjs/microservices';
import {
  DomainError,
  OPERATIONS_SUBJECT_WILDCARD,
  bureauCodeSchema,
  type BureauOperations,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { OperationService } from './operation.service';

/**
 * A bureau's own operations over NATS request/reply. The code is the subject's last token, and the
 * broker lets each node publish only on its own code's subject: the rest of the rules (limits,
 * declarations, other bureaus' operations) stay with the gateway and the HTTP API's admins.
 */
@Controller()
@UseFilters(WireExceptionFilter)
export class OperationHandler {
  constructor(private readonly operations: OperationService) {}

  @MessagePattern(OPERATIONS_SUBJECT_WILDCARD)
  async forBureau(@Ctx() context: NatsContext): Promise<BureauOperations> {
    const token = context.getSubject().split('.').pop() ?? '';
    const code = bureauCodeSchema.safeParse(token);
    if (!code.success)
      throw new DomainError(
        'invalid-request',
        `subject ${context.getSubject()} does not end with a bureau code`,
        'invalid',
      );
    return { operations: await this.operations.forBureau(code.data) };
  }
}
