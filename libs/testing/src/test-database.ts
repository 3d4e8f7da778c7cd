import { Client } from 'pg';

/**
 * Set by the Jest global setup when BUREAUNET_TEST_DATABASE=postgres: the URL of the run's
 * PostgreSQL server (its `postgres` database), on which each test makes its own databases.
 */
export const TEST_POSTGRES_URL = 'TEST_POSTGRES_URL';

/** Whether this test run puts the services on PostgreSQL. */
export function testsOnPostgres(): boolean {
  return Boolean(process.env[TEST_POSTGRES_URL]);
}

/**
 * A new empty PostgreSQL database for one test (its URL), or undefined when the run is on SQLite.
 * Nothing is dropped: the run's server and everything on it are thrown away at the end.
 */
export async function throwawayPostgresUrl(label: string): Promise<string | undefined> {
  const server = process.env[TEST_POSTGRES_URL];
  return server ? createPostgresDatabase(server, label) : undefined;
}

/** A new empty database, named after `label`, on the server `serverUrl` reaches; its URL. */
export async function createPostgresDatabase(serverUrl: string, label: string): Promise<string> {
  const name = `bn_${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30)}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
