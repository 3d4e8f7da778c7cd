import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CountryGroup } from '@bureaunet/contracts';
import { CountryGroupEntity } from './country-group.entity';

/** Most country groups the rules hold: each one is an entity in every decision's hierarchy. */
export const MAX_COUNTRY_GROUPS = 200;

/** Country groups; every method runs on the manager of a SerialWriter transaction or snapshot. */
@Injectable()
export class CountryGroupRepository {
  findAll(manager: EntityManager): Promise<CountryGroupEntity[]> {
    return manager.find(CountryGroupEntity, { order: { id: 'ASC' } });
  }

  find(manager: EntityManager, id: string): Promise<CountryGroupEntity | null> {
    return manager.findOneBy(CountryGroupEntity, { id });
  }

  count(manager: EntityManager): Promise<number> {
    return manager.count(CountryGroupEntity);
  }

  async save(manager: EntityManager, row: CountryGroupEntity): Promise<void> {
    await manager.save(CountryGroupEntity, row);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(CountryGroupEntity, { id });
  }
}

export function toCountryGroup(entity: CountryGroupEntity): CountryGroup {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    members: JSON.parse(entity.members) as string[],
    updatedAt: entity.updatedAt,
  };
}
