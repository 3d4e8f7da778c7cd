import type { MigrationClass } from './migration-list';
import { dataSourceOptions } from './database-options';
import { openDataSource } from './open-data-source';
import type { EntityList } from './sqlite-options';

export interface SchemaStatements {
  up: string[];
  down: string[];
}

/**
 * What the entities want that the migrations do not make: the statements a new migration needs.
 * Empty when the two agree — a test asserts it for each service, so an entity change without its
 * migration fails the suite instead of a deployment.
 */
export async function pendingSchemaChanges(
  entities: EntityList,
  migrations: readonly MigrationClass[],
  /** An empty PostgreSQL database: `migrations` are then the PostgreSQL history, compared there. */
  postgresUrl?: string,
): Promise<SchemaStatements> {
  const dataSource = await openDataSource({
    ...dataSourceOptions(
      postgresUrl
        ? { database: 'unused', url: postgresUrl, entities, migrations, postgresMigrations: migrations }
        : { database: ':memory:', entities, migrations },
    ),
    name: `drift-${Math.random()}`,
  });
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((query) => query.query),
      down: log.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}
