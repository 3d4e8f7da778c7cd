import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  bureauOperationsSchema,
  operationChangedSchema,
  operationHistorySchema,
  operationHistorySubject,
  operationManageSubject,
  operationsSubject,
  type DomainErrorKind,
  type Operation,
  type OperationChanged,
  type OperationHistory,
  type OperationManageRequest,
} from '@bureaunet/contracts';
import { BusClient, WireRequestError } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';

/** How the registry's refusals of an operation request read over HTTP here. */
const KIND_OF_REGISTRY_CODE: Record<string, DomainErrorKind> = {
  'operation-invalid': 'invalid',
  'invalid-request': 'invalid',
  'operation-exists': 'conflict',
  'operation-ended': 'conflict',
  'operation-too-many-changes': 'conflict',
  'operation-forbidden': 'forbidden',
  'operation-not-found': 'not-found',
};

/**
 * This bureau's operations as the registry serves them on its own subjects (the gateway decides on
 * the same data). Read afresh on every call: an amendment made a moment ago is already in force.
 */
@Injectable()
export class OperationDirectory {
  constructor(
    private readonly bus: BusClient,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'code'>,
  ) {}

  /** The operations this bureau coordinates or takes part in (the registry sends no others). */
  async all(): Promise<Operation[]> {
    return bureauOperationsSchema.parse(await this.ask(operationsSubject(this.config.code), {})).operations;
  }

  async get(id: string): Promise<Operation> {
    const operation = (await this.all()).find((candidate) => candidate.id === id);
    if (!operation) throw notFound(id);
    return operation;
  }

  /** Creates, amends or ends one of this bureau's operations: the registry binds it to this bureau. */
  async manage(request: OperationManageRequest): Promise<OperationChanged> {
    return operationChangedSchema.parse(await this.ask(operationManageSubject(this.config.code), request));
  }

  async history(id: string): Promise<OperationHistory> {
    return operationHistorySchema.parse(await this.ask(operationHistorySubject(this.config.code), { id }));
  }

  private async ask(subject: string, body: unknown): Promise<unknown> {
    try {
      return await this.bus.request<unknown>(subject, body);
    } catch (error) {
      const kind = error instanceof WireRequestError ? KIND_OF_REGISTRY_CODE[error.code] : undefined;
      if (error instanceof WireRequestError && kind) throw new DomainError(error.code, error.reason, kind);
      throw new DomainError(
        'registry-unavailable',
        `the registry did not answer about operations: ${error instanceof Error ? error.message : String(error)}`,
        'unavailable',
      );
    }
  }
}

function notFound(id: string): DomainError {
  return new DomainError('operation-not-found', `no operation ${id} in the registry`, 'not-found');
}
