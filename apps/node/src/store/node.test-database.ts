import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import { NODE_MIGRATIONS } from '../migrations';
import { NODE_POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { NODE_ENTITIES } from './node.entities';

/**
 * The node's tables for an int-spec, migrated as a node starts: in memory on SQLite, or a
 * throw-away PostgreSQL database when the run is on PostgreSQL (BUREAUNET_TEST_DATABASE=postgres).
 * The migrations, not the entities: the name search's table is made by a migration only.
 */
export async function nodeTestDataSource(label: string): Promise<DataSource> {
  const url = await throwawayPostgresUrl(label);
  return new DataSource({
    ...dataSourceOptions({
      database: ':memory:',
      url,
      entities: NODE_ENTITIES,
      migrations: NODE_MIGRATIONS,
      postgresMigrations: NODE_POSTGRES_MIGRATIONS,
    }),
    name: `${label}-${Math.random()}`,
  }).initialize();
}
