import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  MAX_OPERATION_CHANGES,
  operationChangeSchema,
  type Operation,
  type OperationChange,
} from '@bureaunet/contracts';
import { RulesChangeEntity } from '../rules-change/rules-change.entity';
import { OperationEntity } from './operation.entity';

export const OPERATION_CHANGED = 'operation-changed';

/** Operations; every method runs on the manager of a SerialWriter transaction. */
@Injectable()
export class OperationRepository {
  findAll(manager: EntityManager): Promise<OperationEntity[]> {
    return manager.find(OperationEntity, { order: { start: 'ASC', id: 'ASC' } });
  }

  find(manager: EntityManager, id: string): Promise<OperationEntity | null> {
    return manager.findOneBy(OperationEntity, { id });
  }

  async insert(manager: EntityManager, row: OperationEntity): Promise<void> {
    await manager.insert(OperationEntity, row);
  }

  async update(manager: EntityManager, row: OperationEntity): Promise<void> {
    await manager.save(OperationEntity, row);
  }

  /**
   * The operation's changes, oldest first, read from the rules changes (each is one): the rows of
   * its coordinator's operation changes, of which this operation's are the ones that name it.
   */
  async changes(manager: EntityManager, operation: Pick<Operation, 'id' | 'coordinator'>): Promise<OperationChange[]> {
    const rows = await manager.find(RulesChangeEntity, {
      where: { type: OPERATION_CHANGED, code: operation.coordinator },
      order: { version: 'ASC' },
    });
    const changes: OperationChange[] = [];
    for (const row of rows) {
      const data = JSON.parse(row.data) as { operation?: { id?: string } } & Record<string, unknown>;
      if (data.operation?.id !== operation.id) continue;
      changes.push(operationChangeSchema.parse({ ...data, version: row.version, at: row.at, author: row.author }));
    }
    return changes.slice(-MAX_OPERATION_CHANGES);
  }

  /** How many changes the operation has had (its creation included). */
  async changeCount(manager: EntityManager, operation: Pick<Operation, 'id' | 'coordinator'>): Promise<number> {
    return (await this.changes(manager, operation)).length;
  }
}

export function toOperation(entity: OperationEntity): Operation {
  return {
    id: entity.id,
    name: entity.name,
    coordinator: entity.coordinator,
    participants: JSON.parse(entity.participants) as string[],
    start: entity.start,
    end: entity.end,
  };
}
