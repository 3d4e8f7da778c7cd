import { DataSource } from 'typeorm';
import type { MigrationClass } from './migration-list';
import { sqliteDataSourceOptions, type EntityList } from './sqlite-options';

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
): Promise<SchemaStatements> {
  const dataSource = await new DataSource({
    ...sqliteDataSourceOptions({ database: ':memory:', entities, migrations }),
    name: `drift-${Math.random()}`,
  }).initialize();
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
