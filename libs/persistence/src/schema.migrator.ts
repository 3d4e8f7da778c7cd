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
  const first = migrations[0];
  if (first && (await isUnversioned(dataSource))) await recordAsApplied(dataSource, first);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
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
