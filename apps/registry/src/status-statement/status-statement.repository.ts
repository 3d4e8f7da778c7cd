import { Injectable } from '@nestjs/common';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { StatusStatementEntity } from './status-statement.entity';

/** Statements as issued; append only. */
@Injectable()
export class StatusStatementRepository {
  /** The newest statement about each of these certificates. */
  async latest(manager: EntityManager, fingerprints: readonly string[]): Promise<Map<string, StatusStatementEntity>> {
    const latest = new Map<string, StatusStatementEntity>();
    for (const fingerprint of fingerprints) {
      const row = await manager.findOne(StatusStatementEntity, { where: { fingerprint }, order: { seq: 'DESC' } });
      if (row) latest.set(fingerprint, row);
    }
    return latest;
  }

  async insert(manager: EntityManager, rows: StatusStatementEntity[]): Promise<void> {
    if (rows.length > 0) await manager.insert(StatusStatementEntity, rows);
  }

  /** Newest first; with `at`, only those dated at or before it (what was said by then). */
  find(
    manager: EntityManager,
    query: { fingerprint: string; at?: Date; limit: number },
  ): Promise<StatusStatementEntity[]> {
    return manager.find(StatusStatementEntity, {
      where: {
        fingerprint: query.fingerprint,
        ...(query.at ? { asOf: LessThanOrEqual(query.at.toISOString()) } : {}),
      },
      order: { seq: 'DESC' },
      take: query.limit,
    });
  }
}
