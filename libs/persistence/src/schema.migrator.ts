import type { DataSource } from 'typeorm';
import type { MigrationClass } from './migration-list';

const MIGRATIONS_TABLE = 'migrations';

/**
 * Brings a database to the service's schema: a database made by an earlier release (which let
 * TypeORM synchronize the tables, and has no migrations table) is first recorded as being at the
 * first migration — the schema that release made — then every later migration runs, each in its
 * own transaction. A failed migration rolls back alone and stops the start.
 */
export async function migrateSchema(dataSource: DataSource, migrations: readonly MigrationClass[]): Promise<string[]> {
  if (dataSource.options.type === 'postgres') return migrateUnderLock(dataSource);
  const first = migrations[0];
  if (first && (await isUnversioned(dataSource))) await recordAsApplied(dataSource, first);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** Any number for the advisory lock, the same in every process: "bureaunet schema". */
const MIGRATION_LOCK = 0x6275_7265;

/**
 * Several instances of a service may start at once against one PostgreSQL database: the first
 * to take the advisory lock migrates, the others wait for it and then find nothing left to do.
 * PostgreSQL never held an unversioned bureaunet schema, so there is nothing to record.
 */
async function migrateUnderLock(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

async function isUnversioned(dataSource: DataSource): Promise<boolean> {
  const tables = await dataSource.query<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  return tables.length > 0 && !tables.some((table) => table.name === MIGRATIONS_TABLE);
}

async function recordAsApplied(dataSource: DataSource, migration: MigrationClass): Promise<void> {
  const name = migration.name;
  const timestamp = Number(name.slice(-13));
  if (!Number.isSafeInteger(timestamp)) throw new Error(`migration class ${name} must end in its 13-digit timestamp`);
  // The table exactly as TypeORM makes it, so its own bookkeeping reads it afterwards.
  await dataSource.query(
    `CREATE TABLE "${MIGRATIONS_TABLE}" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)`,
  );
  await dataSource.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("timestamp", "name") VALUES (?, ?)`, [timestamp, name]);
}
