import * as sqlite3 from 'sqlite3';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

// TypeORM calls sqlite3.verbose(), which wraps every call to capture a stack trace: measured as the
// largest single CPU cost of a message under load. This driver keeps the plain module.
const quietSqlite3: object = Object.create(sqlite3, { verbose: { value: () => sqlite3 } });

export interface SqliteOptions {
  /** File path, or ':memory:' for a throw-away database in tests. */
  database: string;
  // TypeORM's own type for the entities option.
  entities: MixedList<Function | string | EntitySchema<any>>;
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
    // Schema is created from the entities; a deployment on PostgreSQL runs migrations instead.
    synchronize: true,
    enableWAL: options.database !== ':memory:',
    busyErrorRetry: 50,
    logging: ['error'],
  };
}
