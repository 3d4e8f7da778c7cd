import type { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  migrateSchema,
  openDataSource,
  pendingSchemaChanges,
  sqliteDataSourceOptions,
  type EntityList,
  type MigrationClass,
} from '@bureaunet/persistence';
import { startPostgres } from './postgres.launcher';
import { TEST_POSTGRES_URL, createPostgresDatabase } from './test-database';

export interface SchemaUpgradeResult {
  /** What the entities declare that the migrations do not make (should be empty). */
  drift: string[];
  /** Migrations applied to the earlier release's database. */
  applied: string[];
  /** The row written before the upgrade, read back after it. */
  survivor: unknown;
}

export interface SchemaUpgradeOptions {
  entities: EntityList;
  /** The dialect's history, oldest first: its first migration is the earlier release's schema. */
  migrations: readonly MigrationClass[];
  seed: (dataSource: DataSource) => Promise<unknown>;
  read: (dataSource: DataSource) => Promise<unknown>;
}

/**
 * Makes a SQLite database as the release before migrations did (the first migration's tables, no
 * migrations table), writes a row through `seed`, upgrades it the way a service starts, and reads
 * the row back through `read`.
 */
export async function checkSchemaUpgrade(options: SchemaUpgradeOptions): Promise<SchemaUpgradeResult> {
  const drift = (await pendingSchemaChanges(options.entities, options.migrations)).up;
  // Knows the migrations (migrateSchema runs them) without running them at initialize: the tables come from the first one below.
  const dataSource = await openDataSource({
    ...sqliteDataSourceOptions({ database: ':memory:', entities: options.entities, migrations: options.migrations }),
    synchronize: false,
    migrationsRun: false,
    name: `upgrade-${Math.random()}`,
  });
  try {
    const runner = dataSource.createQueryRunner();
    await new (firstOf(options.migrations))().up(runner);
    await runner.release();
    await options.seed(dataSource);
    const applied = await migrateSchema(dataSource, options.migrations);
    return { drift, applied, survivor: await options.read(dataSource) };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The same on PostgreSQL, with `migrations` the PostgreSQL history: a database at its first
 * migration (the earlier release), seeded, then migrated the way a service starts; the drift is
 * worked out on a second, empty database. On the run's PostgreSQL server when the run has one,
 * else on a private server started for the check.
 */
export async function checkPostgresSchemaUpgrade(options: SchemaUpgradeOptions): Promise<SchemaUpgradeResult> {
  const shared = process.env[TEST_POSTGRES_URL];
  const server = shared ? undefined : await startPostgres();
  const serverUrl = shared ?? server!.url();
  try {
    const drift = (
      await pendingSchemaChanges(options.entities, options.migrations, await createPostgresDatabase(serverUrl, 'drift'))
    ).up;
    const url = await createPostgresDatabase(serverUrl, 'upgrade');
    const baseline = [firstOf(options.migrations)];
    await withPostgres(url, options.entities, baseline, async (dataSource) => {
      await migrateSchema(dataSource, baseline);
      await options.seed(dataSource);
    });
    return await withPostgres(url, options.entities, options.migrations, async (dataSource) => {
      const applied = await migrateSchema(dataSource, options.migrations);
      return { drift, applied, survivor: await options.read(dataSource) };
    });
  } finally {
    await server?.stop();
  }
}

async function withPostgres<T>(
  url: string,
  entities: EntityList,
  migrations: readonly MigrationClass[],
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = await openDataSource({
    ...dataSourceOptions({ database: 'unused', url, entities, migrations, postgresMigrations: migrations }),
    synchronize: false,
    migrationsRun: false,
    name: `upgrade-${Math.random()}`,
  });
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function firstOf(migrations: readonly MigrationClass[]): MigrationClass {
  const first = migrations[0];
  if (!first) throw new Error('no migrations: the service schema has no history');
  return first;
}
