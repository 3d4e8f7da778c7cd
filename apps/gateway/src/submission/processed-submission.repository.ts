import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { ProcessedSubmissionEntity } from './processed-submission.entity';

@Injectable()
export class ProcessedSubmissionRepository {
  constructor(@InjectRepository(ProcessedSubmissionEntity) private readonly repository: Repository<ProcessedSubmissionEntity>) {}

  find(envelopeId: string): Promise<ProcessedSubmissionEntity | null> {
    return this.repository.findOneBy({ envelopeId });
  }

  async insert(manager: EntityManager, row: ProcessedSubmissionEntity): Promise<void> {
    await manager.insert(ProcessedSubmissionEntity, row);
  }
}
