import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type EntityManager, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CheckLogEntity } from './check-log.entity';

/** The border checks made at this node (check_log): written once per check, never with the checked value. */
@Injectable()
export class CheckLogRepository {
  constructor(@InjectRepository(CheckLogEntity) private readonly checks: Repository<CheckLogEntity>) {}

  async insert(manager: EntityManager, row: CheckLogEntity): Promise<void> {
    // `matched` is any JSON (simple-json), which TypeORM's partial-entity type cannot express.
    await manager.insert(CheckLogEntity, row as QueryDeepPartialEntity<CheckLogEntity>);
  }

  /** The hit procedure a check started, once it has started. */
  async setHitId(manager: EntityManager, id: string, hitId: string): Promise<void> {
    await manager.update(CheckLogEntity, { id }, { hitId });
  }

  findById(id: string): Promise<CheckLogEntity | null> {
    return this.checks.findOneBy({ id });
  }

  /** Newest first: check ids are UUIDv7, so their order is the order the checks were made in. */
  listNewestFirst(options: { limit: number; before?: string }): Promise<CheckLogEntity[]> {
    return this.checks.find({
      where: options.before === undefined ? {} : { id: LessThan(options.before) },
      order: { id: 'DESC' },
      take: options.limit,
    });
  }
}
