import { Client, types } from 'pg';
import * as sqlite3 from 'sqlite3';
import { numbered } from '@bureaunet/persistence';

/** Where a service keeps its record: its PostgreSQL database when it runs on one, else its SQLite file. */
export interface ServiceDatabase {
  url?: string;
  file: string;
}

/**
 * One statement on a second connection to a service's database, as an operator with shell access
 * would run it: `?` placeholders on both databases.
 */
export async function queryServiceDatabase<T = unknown>(
  database: ServiceDatabase,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  if (database.url === undefined) return querySqliteFile<T>(database.file, sql, parameters);
  const client = new Client({ connectionString: database.url, types: { getTypeParser: int8AsNumber } });
  await client.connect();
  try {
    return (await client.query(numbered(sql), parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

const INT8 = 20;

/** bigint counts read back as numbers, as the services read them (parseInt8). */
const int8AsNumber = ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
  oid === INT8
    ? Number
    : (types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser;

function querySqliteFile<T>(path: string, sql: string, parameters: unknown[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.all(sql, parameters, (error, rows) => {
        db.close(() => (error ? reject(error) : resolve(rows as T[])));
      });
    });
  });
}
