import { checkPostgresSchemaUpgrade, checkSchemaUpgrade } from '@bureaunet/testing/database';
import type { DataSource } from 'typeorm';
import { REGISTRY_ENTITIES } from '../registry.module';
import { REGISTRY_MIGRATIONS } from './index';
import { REGISTRY_POSTGRES_MIGRATIONS } from './postgres';

/** Past PostgreSQL's integer: a position the activity log's columns must hold once upgraded. */
const BEYOND_INT32 = 2 ** 40 + 3;

describe('the registry schema', () => {
  it('is made by its migrations exactly as its entities declare, and upgrades a database of the release before migrations without losing a row', async () => {
    const result = await checkSchemaUpgrade({
      entities: REGISTRY_ENTITIES,
      migrations: REGISTRY_MIGRATIONS,
      seed: (dataSource) =>
        dataSource.query(`INSERT INTO "bureau" VALUES ('MR', 'bureau', 'active', 1, '2026-01-01', '2026-01-01')`),
      read: (dataSource) => dataSource.query(`SELECT code, status FROM "bureau"`),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(REGISTRY_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual([{ code: 'MR', status: 'active' }]);
  });

  it('is made on PostgreSQL by its PostgreSQL migrations exactly as its entities declare, and upgrades the first PostgreSQL schema without losing a row, its activity log positions now 64-bit', async () => {
    const result = await checkPostgresSchemaUpgrade({
      entities: REGISTRY_ENTITIES,
      migrations: REGISTRY_POSTGRES_MIGRATIONS,
      seed: async (dataSource) => {
        await dataSource.query(`INSERT INTO "bureau" VALUES ('MR', 'bureau', 'active', 1, '2026-01-01', '2026-01-01')`);
        await insertActivityEntry(dataSource, 7);
      },
      read: async (dataSource) => {
        await insertActivityEntry(dataSource, BEYOND_INT32);
        return {
          bureaus: await dataSource.query(`SELECT code, status FROM "bureau"`),
          activity: await dataSource.query(`SELECT seq FROM "activity_entry" ORDER BY seq`),
        };
      },
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(REGISTRY_POSTGRES_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual({
      bureaus: [{ code: 'MR', status: 'active' }],
      activity: [{ seq: 7 }, { seq: BEYOND_INT32 }],
    });
  });
});

function insertActivityEntry(dataSource: DataSource, seq: number): Promise<unknown> {
  return dataSource.query(
    `INSERT INTO "activity_entry" ("seq", "leaf_input", "leaf_hash", "at", "actor", "action", "outcome") VALUES ($1, '{}', 'ab', '2026-11-01T00:00:00.000Z', 'admin', 'bureau.create', 'ok')`,
    [seq],
  );
}
