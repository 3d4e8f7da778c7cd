import type { DataSourceOptions } from 'typeorm';
import type { MigrationClass } from './migration-list';
import { postgresDataSourceOptions } from './postgres-options';
import { SqliteOptions, sqliteDataSourceOptions } from './sqlite-options';

/**
 * Where a service keeps its record: the SQLite file `database` (the embedded default), or the
 * PostgreSQL database at `url` (DATABASE_URL) when the service must outlive one machine.
 */
export interface DatabaseOptions extends SqliteOptions {
  /** A postgres:// URL (DATABASE_URL): the service runs on PostgreSQL and `database` is unused. */
  url?: string;
  /** The service's PostgreSQL schema history, oldest first; needed whenever `url` is set with `migrations`. */
  postgresMigrations?: readonly MigrationClass[];
  /** Connections a PostgreSQL pool may open (one pool each for writes and reads). */
  poolSize?: number;
}

export function isPostgres(options: DatabaseOptions): boolean {
  return options.url !== undefined;
}

/** TypeORM's options for the service's database, whichever kind it is. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  if (options.url === undefined) return sqliteDataSourceOptions(options);
  if (options.migrations && !options.postgresMigrations)
    throw new Error('DATABASE_URL names PostgreSQL, but this service has no PostgreSQL migrations');
  return postgresDataSourceOptions({
    url: options.url,
    entities: options.entities,
    migrations: options.migrations ? options.postgresMigrations : undefined,
    poolSize: options.poolSize,
  });
}

/** A log line's name for the database: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLabel(options: DatabaseOptions): string {
  if (options.url === undefined) return options.database;
  const url = new URL(options.url);
  url.password = '';
  return url.toString();
}
