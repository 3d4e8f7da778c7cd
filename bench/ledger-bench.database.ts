import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Column, DataSource, Entity, Index, PrimaryColumn } from 'typeorm';
import { LEDGER_LOG_ENTITIES } from '@bureaunet/ledger/storage';
import { SerialWriter, applyDurabilityPragmas, openDataSource, sqliteDataSourceOptions } from '@bureaunet/persistence';

/** The baseline's table: the leaf table's columns and indexes, filled without hashing or tree state. */
@Entity('bench_raw_leaf')
export class RawLeafEntity {
  @PrimaryColumn({ name: 'leaf_index', type: 'integer' }) leafIndex!: number;
  @Column({ name: 'leaf_input', type: 'text' }) leafInput!: string;
  @Index() @Column({ name: 'leaf_hash', type: 'varchar', length: 64 }) leafHash!: string;
  @Index() @Column({ name: 'envelope_id', type: 'varchar', length: 80, nullable: true }) envelopeId!: string | null;
  @Column({ type: 'varchar', length: 40 }) type!: string;
  @Column({ type: 'varchar', length: 30 }) at!: string;
}

/** One leaf row as the INSERT binds it: leaf_index, leaf_input, leaf_hash, envelope_id, type, at. */
export type RawLeafRow = [number, string, string, string | null, string, string];

const RAW_INSERT_COLUMNS = '(leaf_index, leaf_input, leaf_hash, envelope_id, type, at)';

/** A multi-row INSERT of `rows` rows into bench_raw_leaf, `?` placeholders (both drivers). */
export function rawInsertSql(rows: number): string {
  return `INSERT INTO bench_raw_leaf ${RAW_INSERT_COLUMNS} VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`;
}

export interface BenchDatabase {
  dataSource: DataSource;
  writer: SerialWriter;
  close(): Promise<void>;
}

/** The few calls of better-sqlite3 the comparison makes (it is not a dependency: see betterSqlite3Installed). */
interface BetterSqlite3Database {
  pragma(text: string): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): { run(parameters: unknown[]): unknown };
  transaction<T extends unknown[]>(body: (...args: T) => void): (...args: T) => void;
  close(): void;
}
type BetterSqlite3Constructor = new (file: string) => BetterSqlite3Database;

/**
 * better-sqlite3 is compared only where it is installed (`npm i --no-save better-sqlite3@12.11.1`):
 * as a dependency it would compile from source in every CI install (~3 min on 2 cores), for a figure.
 */
export function betterSqlite3Installed(): BetterSqlite3Constructor | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('better-sqlite3') as BetterSqlite3Constructor;
  } catch {
    return undefined;
  }
}

/** TypeORM's driver: the gateway's sqlite3 (asynchronous, libuv's pool) or better-sqlite3 (synchronous). */
export type BenchDriver = 'sqlite3' | 'better-sqlite3';

/** A fresh SQLite file as the gateway opens it (WAL, synchronous=FULL), with the ledger's tables. */
export async function openBenchDatabase(driver: BenchDriver = 'sqlite3'): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'bureaunet-ledger-bench-'));
  const database = join(dir, 'ledger.sqlite');
  const entities = [...LEDGER_LOG_ENTITIES, RawLeafEntity];
  const dataSource = await openDataSource(
    driver === 'sqlite3'
      ? sqliteDataSourceOptions({ database, entities })
      : { type: 'better-sqlite3', database, entities, synchronize: true, enableWAL: true },
  );
  await applyDurabilityPragmas(dataSource);
  // applyDurabilityPragmas knows the gateway's driver only.
  if (driver === 'better-sqlite3') await dataSource.query('PRAGMA synchronous = FULL');
  return {
    dataSource,
    writer: new SerialWriter(dataSource),
    async close() {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The same rows through better-sqlite3 (synchronous, its own SQLite build), in a fresh file with
 * the same schema and pragmas: one multi-row INSERT per `chunk` rows, one transaction per `batch`.
 * Returns rows per second.
 */
export function betterSqlite3RawRate(
  BetterSqlite3: BetterSqlite3Constructor,
  rows: readonly RawLeafRow[],
  batch: number,
  chunk: number,
): number {
  const dir = mkdtempSync(join(tmpdir(), 'bureaunet-ledger-bench-b3-'));
  const db = new BetterSqlite3(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE bench_raw_leaf (leaf_index integer PRIMARY KEY NOT NULL, leaf_input text NOT NULL, leaf_hash varchar(64) NOT NULL, envelope_id varchar(80), type varchar(40) NOT NULL, at varchar(30) NOT NULL)',
    );
    db.exec('CREATE INDEX idx_raw_leaf_hash ON bench_raw_leaf (leaf_hash)');
    db.exec('CREATE INDEX idx_raw_leaf_envelope ON bench_raw_leaf (envelope_id)');
    const statements = new Map<number, ReturnType<BetterSqlite3Database['prepare']>>();
    const insert = (part: readonly RawLeafRow[]) => {
      let statement = statements.get(part.length);
      if (!statement) statements.set(part.length, (statement = db.prepare(rawInsertSql(part.length))));
      statement.run(part.flat());
    };
    const transaction = db.transaction((part: readonly RawLeafRow[]) => {
      for (let start = 0; start < part.length; start += chunk) insert(part.slice(start, start + chunk));
    });
    const started = performance.now();
    for (let offset = 0; offset < rows.length; offset += batch) transaction(rows.slice(offset, offset + batch));
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
