import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { EnvelopeLineageEntity } from './envelope-lineage.entity';

@Injectable()
export class EnvelopeLineageRepository {
  constructor(
    @InjectRepository(EnvelopeLineageEntity) private readonly repository: Repository<EnvelopeLineageEntity>,
  ) {}

  find(envelopeId: string): Promise<EnvelopeLineageEntity | null> {
    return this.repository.findOneBy({ envelopeId });
  }

  async insert(manager: EntityManager, row: EnvelopeLineageEntity): Promise<void> {
    await manager.insert(EnvelopeLineageEntity, row);
  }
}
