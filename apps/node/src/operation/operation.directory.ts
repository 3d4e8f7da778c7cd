import { Inject, Injectable } from '@nestjs/common';
import { DomainError, bureauOperationsSchema, operationsSubject, type Operation } from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';

/** This bureau's operations as the registry serves them on its own subject (the gateway decides on the same data). */
@Injectable()
export class OperationDirectory {
  constructor(
    private readonly bus: BusClient,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'code'>,
  ) {}

  /** The operations this bureau coordinates or takes part in (the registry sends no others). */
  async all(): Promise<Operation[]> {
    let reply: unknown;
    try {
      reply = await this.bus.request<unknown>(operationsSubject(this.config.code), {});
    } catch (error) {
      throw new DomainError(
        'registry-unavailable',
        `operations could not be read from the registry: ${error instanceof Error ? error.message : String(error)}`,
        'unavailable',
      );
    }
    return bureauOperationsSchema.parse(reply).operations;
  }

  async get(id: string): Promise<Operation> {
    const operation = (await this.all()).find((candidate) => candidate.id === id);
    if (!operation) throw new DomainError('operation-not-found', `no operation ${id} in the registry`, 'not-found');
    return operation;
  }
}
