import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  DomainError,
  OPERATIONS_SUBJECT_WILDCARD,
  OPERATION_HISTORY_SUBJECT_WILDCARD,
  OPERATION_MANAGE_SUBJECT_WILDCARD,
  bureauCodeSchema,
  operationHistoryRequestSchema,
  operationManageRequestSchema,
  type BureauOperations,
  type OperationChanged,
  type OperationHistory,
} from '@bureaunet/contracts';
import { WireExceptionFilter } from '@bureaunet/transport';
import { parseWireBody } from '../wire-body';
import { OperationService } from './operation.service';

/**
 * A bureau's own operations over NATS request/reply. The code is the subject's last token, and the
 * broker lets each node publish only on its own code's subjects: so a coordinator manages only the
 * operations of the bureau whose node relays the request. The rest of the rules (limits,
 * declarations, other bureaus' operations) stay with the gateway and the HTTP API's administrator.
 */
@Controller()
@UseFilters(WireExceptionFilter)
export class OperationHandler {
  constructor(private readonly operations: OperationService) {}

  @MessagePattern(OPERATIONS_SUBJECT_WILDCARD)
  async forBureau(@Ctx() context: NatsContext): Promise<BureauOperations> {
    return { operations: await this.operations.forBureau(bureauOf(context)) };
  }

  @MessagePattern(OPERATION_MANAGE_SUBJECT_WILDCARD)
  manage(@Payload() body: unknown, @Ctx() context: NatsContext): Promise<OperationChanged> {
    const code = bureauOf(context);
    const request = parseWireBody(operationManageRequestSchema, body);
    // The rules history keeps who: the bureau (bound by the broker) and the person its node named.
    const author = `${code} ${request.author}`.slice(0, 80);
    const actor = { kind: 'bureau', code } as const;
    switch (request.action) {
      case 'create':
        return this.operations.create({ ...request.operation, coordinator: code }, author);
      case 'amend':
        return this.operations.amend(request.id, request.changes, actor, author);
      case 'end':
        return this.operations.end(request.id, request.reason, actor, author);
    }
  }

  @MessagePattern(OPERATION_HISTORY_SUBJECT_WILDCARD)
  history(@Payload() body: unknown, @Ctx() context: NatsContext): Promise<OperationHistory> {
    const code = bureauOf(context);
    return this.operations.history(parseWireBody(operationHistoryRequestSchema, body).id, { kind: 'bureau', code });
  }
}

function bureauOf(context: NatsContext): string {
  const token = context.getSubject().split('.').pop() ?? '';
  const code = bureauCodeSchema.safeParse(token);
  if (!code.success)
    throw new DomainError(
      'invalid-request',
      `subject ${context.getSubject()} does not end with a bureau code`,
      'invalid',
    );
  return code.data;
}
