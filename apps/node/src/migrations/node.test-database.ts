import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import { NODE_MIGRATIONS } from './index';
import { NODE_POSTGRES_MIGRATIONS } from './postgres';
import { NODE_ENTITIES } from '../store/node.entities';

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

/**
 * Every row of every table of a PostgreSQL database as text, bytea columns as their hex, for a
 * test that searches the database for a value that must never be stored (on SQLite such tests
 * read the files themselves). Search it for the value and for the value's hex.
 */
export async function postgresRowsText(dataSource: DataSource): Promise<string> {
  const tables = await dataSource.query<Array<{ name: string }>>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const texts: string[] = [];
  for (const { name } of tables) {
    const rows = await dataSource.query<Array<{ row: string }>>(`SELECT t::text AS "row" FROM "${name}" t`);
    texts.push(...rows.map((row) => row.row));
  }
  return texts.join('\n');
}
