import type { DataSourceOptions } from 'typeorm';
import type { MigrationClass } from './migration-list';
import './postgres-bytes';
import { QueryLogger } from './query.logger';
import type { EntityList } from './sqlite-options';

export interface PostgresOptions {
  url: string;
  entities: EntityList;
  migrations?: readonly MigrationClass[];
  poolSize?: number;
}

const DEFAULT_POOL_SIZE = 4;

/**
 * PostgreSQL is the record for a service shared by several machines: a commit is durable when
 * the server says so (synchronous_commit is the server's own, on by default), before any ack.
 */
export function postgresDataSourceOptions(options: PostgresOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    synchronize: options.migrations === undefined,
    migrations: options.migrations ? [...options.migrations] : [],
    migrationsRun: options.migrations !== undefined,
    migrationsTransactionMode: 'each',
    // Tree sizes and indexes are bigint: read back as numbers (exact far beyond any ledger's size).
    parseInt8: true,
    poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
    // A server that went away: fail a connect in bounded time rather than wait forever.
    connectTimeoutMS: 10_000,
    applicationName: 'bureaunet',
    logger: new QueryLogger(),
  };
}

/** DATABASE_URL checked at start: only PostgreSQL URLs are accepted; anything else names the problem. */
export function postgresUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('DATABASE_URL is not a URL: expected postgres://user@host:port/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new Error(`DATABASE_URL must be a postgres:// URL, not ${url.protocol}// (unset it to use SQLite)`);
  if (url.pathname.length <= 1) throw new Error('DATABASE_URL names no database: postgres://user@host:port/database');
  return value;
}
