import * as sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';
import type { MigrationClass } from './migration-list';
import { QueryLogger } from './query.logger';

// TypeORM calls sqlite3.verbose(), which wraps every call to capture a stack trace: measured as the
// largest single CPU cost of a message under load. This driver keeps the plain module.
const quietSqlite3 = Object.create(sqlite3, { verbose: { value: () => sqlite3 } }) as typeof sqlite3;

/** TypeORM's own type for the entities option: entity classes, schemas or glob paths. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

export interface SqliteOptions {
  /** File path, or ':memory:' for a throw-away database in tests. */
  database: string;
  entities: EntityList;
  /**
   * A service's schema history, oldest first: run at start, each in its own transaction. Without it
   * (a test's throw-away table set) the schema is made from the entities instead.
   */
  migrations?: readonly MigrationClass[];
  /** A ceiling on the database file (DATABASE_MAX_MB): past it writes fail as storage-full, before the disk fills. */
  maxBytes?: number;
}

/**
 * SQLite is the record: WAL with synchronous=FULL, so a commit survives a power cut before any
 * ack goes out (see SerialWriter for the pragma and the single-writer rule).
 */
export function sqliteDataSourceOptions(options: SqliteOptions): DataSourceOptions {
  return {
    type: 'sqlite',
    database: options.database,
    driver: quietSqlite3,
    entities: options.entities,
    // synchronize can drop a column to match an entity: a service's schema only ever moves by migration.
    synchronize: options.migrations === undefined,
    migrations: options.migrations ? [...options.migrations] : [],
    migrationsRun: options.migrations !== undefined,
    migrationsTransactionMode: 'each',
    enableWAL: options.database !== ':memory:',
    busyErrorRetry: 50,
    // A logger instance decides what it writes itself (TypeORM then ignores the logging option).
    logger: new QueryLogger(),
  };
}

/** DATABASE_MAX_MB as the byte ceiling SqliteOptions.maxBytes takes; undefined stays unbounded. */
export function megabytes(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value * 1024 * 1024;
}
