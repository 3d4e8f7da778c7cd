import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type EntityManager, type Repository } from 'typeorm';
import { sqlStatements } from '@bureaunet/persistence';
import { ProcessedSubmissionEntity } from './processed-submission.entity';

// The hot path (every submission reads and writes one), as prepared SQL.
const FIND = `SELECT "envelopeId", digest, sender, "deliveredTo", report, "acceptedAt" FROM processed_submission WHERE "envelopeId" = ?`;
const INSERT = `INSERT INTO processed_submission ("envelopeId", digest, sender, "deliveredTo", report, "acceptedAt") VALUES (?, ?, ?, ?, ?, ?)`;

@Injectable()
export class ProcessedSubmissionRepository {
  constructor(
    @InjectRepository(ProcessedSubmissionEntity) private readonly repository: Repository<ProcessedSubmissionEntity>,
  ) {}

  async find(envelopeId: string): Promise<ProcessedSubmissionEntity | null> {
    const prepared = sqlStatements(this.repository.manager);
    return (await prepared.one<ProcessedSubmissionEntity>(FIND, [envelopeId])) ?? null;
  }

  async insert(manager: EntityManager, row: ProcessedSubmissionEntity): Promise<void> {
    const { envelopeId, digest, sender, deliveredTo, report, acceptedAt } = row;
    await sqlStatements(manager).run(INSERT, [envelopeId, digest, sender, deliveredTo, report, acceptedAt]);
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
