import { Injectable } from '@nestjs/common';
import { DomainError, RULES_GET_SUBJECT, ruleBundleSchema, type Operation } from '@bureaunet/contracts';
import { BusClient } from '@bureaunet/transport';

/** Operations as the registry serves them in the rules bundle (the gateway decides on the same data). */
@Injectable()
export class OperationDirectory {
  constructor(private readonly bus: BusClient) {}

  async all(): Promise<Operation[]> {
    let bundle: unknown;
    try {
      bundle = await this.bus.request<unknown>(RULES_GET_SUBJECT, {});
    } catch (error) {
      throw new DomainError('registry-unavailable', `operations could not be read from the registry: ${error instanceof Error ? error.message : String(error)}`, 'unavailable');
    }
    return ruleBundleSchema.parse(bundle).operations;
  }

  async get(id: string): Promise<Operation> {
    const operation = (await this.all()).find((candidate) => candidate.id === id);
    if (!operation) throw new DomainError('operation-not-found', `no operation ${id} in the registry`, 'not-found');
    return operation;
  }
}
