import { DataSource } from 'typeorm';
import {
  migrateSchema,
  pendingSchemaChanges,
  sqliteDataSourceOptions,
  type EntityList,
  type MigrationClass,
} from '@bureaunet/persistence';

export interface SchemaUpgradeResult {
  /** What the entities declare that the migrations do not make (should be empty). */
  drift: string[];
  /** Migrations applied to the earlier release's database. */
  applied: string[];
  /** The row written before the upgrade, read back after it. */
  survivor: unknown;
}

/**
 * Makes a database as the release before migrations did (the first migration's tables, no
 * migrations table), writes a row through `seed`, upgrades it the way a service starts, and reads
 * the row back through `read`.
 */
export async function checkSchemaUpgrade(options: {
  entities: EntityList;
  migrations: readonly MigrationClass[];
  seed: (dataSource: DataSource) => Promise<void>;
  read: (dataSource: DataSource) => Promise<unknown>;
}): Promise<SchemaUpgradeResult> {
  const drift = (await pendingSchemaChanges(options.entities, options.migrations)).up;
  // Knows the migrations (migrateSchema runs them) without running them at initialize: the tables come from the first one below.
  const dataSource = await new DataSource({
    ...sqliteDataSourceOptions({ database: ':memory:', entities: options.entities, migrations: options.migrations }),
    synchronize: false,
    migrationsRun: false,
    name: `upgrade-${Math.random()}`,
  }).initialize();
  try {
    const first = options.migrations[0];
    if (!first) throw new Error('no migrations: the service schema has no history');
    const runner = dataSource.createQueryRunner();
    await new first().up(runner);
    await runner.release();
    await options.seed(dataSource);
    const applied = await migrateSchema(dataSource, options.migrations);
    return { drift, applied, survivor: await options.read(dataSource) };
  } finally {
    await dataSource.destroy();
  }
}
