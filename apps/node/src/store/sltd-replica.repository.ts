import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { SltdReplicaEntryEntity } from './sltd-replica-entry.entity';
import { REPORTABLE_STATUSES, type ReplicaEntryStatus } from './sltd-replica-entry.status';
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
const EMPTY_STATE: ReplicaState = { appliedSequence: 0, currentAsOf: null, resync: 'pending' };
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
   * share this form but for the placeholders).
   */
  async apply(manager: EntityManager, rows: readonly ReplicaRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      await manager.query(
        `INSERT INTO "sltd_replica_entry" ("issuingCountry", "index", "version", "status", "sealed", "sequence") VALUES ${chunk
          .map(() => '(?, ?, ?, ?, ?, ?)')
          .join(
            ', ',
          )} ON CONFLICT ("issuingCountry", "index") DO UPDATE SET "version" = excluded."version", "status" = excluded."status", "sealed" = excluded."sealed", "sequence" = excluded."sequence" WHERE excluded."version" > "sltd_replica_entry"."version"`,
        chunk.flatMap((row) => [row.issuingCountry, row.index, row.version, row.status, row.sealed, row.sequence]),
      );
    }
  }

  find(issuingCountry: string, index: string): Promise<SltdReplicaEntryEntity | null> {
    return this.entries.findOneBy({ issuingCountry, index });
  }

  /** Entries a check would report (not recovered, not withdrawn). */
  countReportable(): Promise<number> {
    return this.entries.countBy({ status: In([...REPORTABLE_STATUSES]) });
  }
}

function stateOf(row: SltdReplicaStateEntity | null): ReplicaState {
  if (!row) return { ...EMPTY_STATE };
  return { appliedSequence: row.appliedSequence, currentAsOf: row.currentAsOf, resync: row.resync };
}
