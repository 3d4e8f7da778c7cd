import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { plainQuery } from './plain-sql';
import { SltdReplicaEntryEntity } from './sltd-replica-entry.entity';
import { isReportable, type ReplicaEntryStatus } from './sltd-replica-entry.status';
import { SltdReplicaStateEntity } from './sltd-replica-state.entity';

export interface ReplicaRow {
  issuingCountry: string;
  /** 64 lower-case hex characters. */
  index: string;
  version: number;
  status: ReplicaEntryStatus;
  sealed: Buffer | null;
  sequence: number;
}

export type ReplicaState = Omit<SltdReplicaStateEntity, 'id'>;

const STATE_ID = 1;
const EMPTY_STATE: ReplicaState = { appliedSequence: 0, currentAsOf: null, resync: 'pending', reportable: 0 };
/** 6 parameters a row: 100 rows stay far below SQLite's bound on parameters in one statement. */
const ROWS_PER_STATEMENT = 100;

/** This node's replica of the travel-document index (sltd_replica_entry) and where it stands (sltd_replica_state). */
@Injectable()
export class SltdReplicaRepository {
  constructor(
    @InjectRepository(SltdReplicaEntryEntity) private readonly entries: Repository<SltdReplicaEntryEntity>,
    @InjectRepository(SltdReplicaStateEntity) private readonly states: Repository<SltdReplicaStateEntity>,
  ) {}

  /** The committed state, on the read connection. */
  async state(): Promise<ReplicaState> {
    return stateOf(await this.states.findOneBy({ id: STATE_ID }));
  }

  /** The state inside a write transaction (read-modify-write under the SerialWriter). */
  async stateIn(manager: EntityManager): Promise<ReplicaState> {
    return stateOf(await manager.findOneBy(SltdReplicaStateEntity, { id: STATE_ID }));
  }

  async saveState(manager: EntityManager, state: ReplicaState): Promise<void> {
    await manager.upsert(SltdReplicaStateEntity, { id: STATE_ID, ...state }, ['id']);
  }

  /**
   * Writes each row unless the stored entry has the same or a newer version: a late or repeated
   * copy never brings an older state back. Rows must name each entry once (see newestPerEntry).
   * Raw SQL because TypeORM's upsert has no condition on the update (SQLite and PostgreSQL
   * share this form but for the placeholders). Returns how many more entries a check would report
   * (negative when more were cleared), read from the rows it replaces, for the state's count.
   */
  async apply(manager: EntityManager, rows: readonly ReplicaRow[]): Promise<number> {
    let reportable = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const replaced = await plainQuery<{ issuingCountry: string; index: string; version: number; status: string }[]>(
        manager,
        `SELECT "issuingCountry", "index", "version", "status" FROM "sltd_replica_entry" WHERE ("issuingCountry", "index") IN (VALUES ${chunk.map(() => '(?, ?)').join(', ')})`,
        chunk.flatMap((row) => [row.issuingCountry, row.index]),
      );
      const stored = new Map(replaced.map((row) => [`${row.issuingCountry}/${row.index}`, row]));
      for (const row of chunk) {
        const old = stored.get(`${row.issuingCountry}/${row.index}`);
        if (old && old.version >= row.version) continue;
        reportable += Number(isReportable(row.status)) - Number(old !== undefined && isReportable(old.status));
      }
      await plainQuery(
        manager,
        `INSERT INTO "sltd_replica_entry" ("issuingCountry", "index", "version", "status", "sealed", "sequence") VALUES ${chunk
          .map(() => '(?, ?, ?, ?, ?, ?)')
          .join(
            ', ',
          )} ON CONFLICT ("issuingCountry", "index") DO UPDATE SET "version" = excluded."version", "status" = excluded."status", "sealed" = excluded."sealed", "sequence" = excluded."sequence" WHERE excluded."version" > "sltd_replica_entry"."version"`,
        chunk.flatMap((row) => [row.issuingCountry, row.index, row.version, row.status, row.sealed, row.sequence]),
      );
    }
    return reportable;
  }

  find(issuingCountry: string, index: string): Promise<SltdReplicaEntryEntity | null> {
    return this.entries.findOneBy({ issuingCountry, index });
  }
}

function stateOf(row: SltdReplicaStateEntity | null): ReplicaState {
  if (!row) return { ...EMPTY_STATE };
  return {
    appliedSequence: row.appliedSequence,
    currentAsOf: row.currentAsOf,
    resync: row.resync,
    reportable: row.reportable,
  };
}
