import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type EntityManager, type Repository } from 'typeorm';
import { ProcessedSubmissionEntity } from './processed-submission.entity';

@Injectable()
export class ProcessedSubmissionRepository {
  constructor(
    @InjectRepository(ProcessedSubmissionEntity) private readonly repository: Repository<ProcessedSubmissionEntity>,
  ) {}

  find(envelopeId: string): Promise<ProcessedSubmissionEntity | null> {
    return this.repository.findOneBy({ envelopeId });
  }

  async insert(manager: EntityManager, row: ProcessedSubmissionEntity): Promise<void> {
    await manager.insert(ProcessedSubmissionEntity, row);
  }

  /** Deletes up to `limit` records accepted before `cutoff` (ISO instant); returns how many. */
  async deleteAcceptedBefore(manager: EntityManager, cutoff: string, limit: number): Promise<number> {
    const rows = await manager.find(ProcessedSubmissionEntity, {
      select: { envelopeId: true },
      where: { acceptedAt: LessThan(cutoff) },
      order: { acceptedAt: 'ASC' },
      take: limit,
    });
    if (rows.length > 0)
      await manager.delete(
        ProcessedSubmissionEntity,
        rows.map((row) => row.envelopeId),
      );
    return rows.length;
  }
}
