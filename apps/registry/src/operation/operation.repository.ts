import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Operation } from '@bureaunet/contracts';
import { OperationEntity } from './operation.entity';

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
