import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { ConsentGrantEntity } from './consent-grant.entity';

/** Most grants one grantee holds for one origin that a decision reads (newest first). */
export const MAX_GRANTS_READ = 100;

@Injectable()
export class ConsentGrantRepository {
  constructor(@InjectRepository(ConsentGrantEntity) private readonly repository: Repository<ConsentGrantEntity>) {}

  /** The grants made to `grantee` for the lineage of `originId`, live or not (the caller compares with its clock). */
  forLineage(originId: string, grantee: string): Promise<ConsentGrantEntity[]> {
    return this.repository.find({
      where: { originId, grantee },
      order: { grantedAt: 'DESC' },
      take: MAX_GRANTS_READ,
    });
  }

  async insert(manager: EntityManager, row: ConsentGrantEntity): Promise<void> {
    await manager.insert(ConsentGrantEntity, row);
  }
}
