import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  pendingSchemaChanges,
  sqliteDataSourceOptions,
  type MigrationClass,
} from '@bureaunet/persistence';
import { startPostgres, throwawayPostgresUrl, type RunningPostgres } from '@bureaunet/testing';
import { checkSchemaUpgrade } from '@bureaunet/testing/database';
import { NODE_ENTITIES } from '../store/node.entities';
import { NoticeNameSearch1796137651141 } from './1796137651141-notice-name-search';
import { NODE_MIGRATIONS } from './index';
import { NODE_POSTGRES_MIGRATIONS } from './postgres';

// A notice as the release before migrations stored it: nameKey and its word rows beside it.
const NOTICE_BEFORE_MIGRATIONS = `INSERT INTO "notice" ("number", "type", "owner", "state", "familyName", "givenNames", "nameKey", "documentNumbers", "offence", "expiry", "revision", "envelopeId", "restrictedTo", "recipients", "publishedAt", "updatedAt") VALUES ('A-1/2026', 'red', 'DK', 'active', 'Dupont-Lefèvre', 'Élodie', 'dupont lefevre elodie', '[]', 'fraud', '2030-01-01', 1, 'e1', '[]', '[]', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`;

describe('the node schema', () => {
  // TypeORM compares only entity tables, so the drift check neither sees the name search's FTS5
  // table nor a table left behind: both are asserted here by name.
  it('is made by its migrations exactly as its entities declare, and upgrades a database of the release before migrations without losing a row', async () => {
    const result = await checkSchemaUpgrade({
      entities: NODE_ENTITIES,
      migrations: NODE_MIGRATIONS,
      seed: async (dataSource) => {
        await dataSource.query(NOTICE_BEFORE_MIGRATIONS);
        await dataSource.query(
          `INSERT INTO "notice_name_token" VALUES ('A-1/2026', 'dupont'), ('A-1/2026', 'lefevre')`,
        );
        // Numbered by the count of the year's notices: the counters start after the highest held.
        for (const number of ['A-3/2026', 'A-2/2026', 'A-4/2025'])
          await dataSource.query(
            NOTICE_BEFORE_MIGRATIONS.replace("'A-1/2026'", `'${number}'`).replace(
              "'Dupont-Lefèvre', 'Élodie', 'dupont lefevre elodie'",
              "'Müller', 'Jörg', 'muller jorg'",
            ),
          );
        // Sent before the upgrade and never reported: the republisher must look at it after.
        await dataSource.query(
          `INSERT INTO "sent_message" ("id", "kind", "recipients", "meta", "envelope", "digest", "createdAt", "expiresAt") VALUES ('m1', 'message', '["DK"]', '{}', x'00', 'd', '2026-11-01T00:00:00.000Z', '2026-11-08T00:00:00.000Z')`,
        );
      },
      read: async (dataSource) => ({
        tables: await dataSource.query(
          `SELECT name FROM sqlite_master WHERE name IN ('notice_name', 'notice_name_key', 'notice_name_token') ORDER BY name`,
        ),
        // The notice held before the upgrade is found by name, accents and case aside.
        found: await dataSource.query(
          `SELECT k.number FROM "notice_name" JOIN "notice_name_key" k ON k.id = "notice_name".rowid WHERE "notice_name" MATCH '"LEFEV"* "elo"*'`,
        ),
        open: await dataSource.query(`SELECT id, nextCheckAt, attempts FROM "sent_message"`),
        counters: await dataSource.query(`SELECT year, last FROM "notice_number_counter" ORDER BY year`),
      }),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(NODE_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual({
      tables: [{ name: 'notice_name' }, { name: 'notice_name_key' }],
      found: [{ number: 'A-1/2026' }],
      open: [{ id: 'm1', nextCheckAt: '2026-11-01T00:00:00.000Z', attempts: 0 }],
      counters: [
        { year: 2025, last: 4 },
        { year: 2026, last: 3 },
      ],
    });
  });

  it('goes back to the word table, with the words of the notices held, and forth again', async () => {
    const dataSource = await new DataSource(
      sqliteDataSourceOptions({ database: ':memory:', entities: NODE_ENTITIES, migrations: NODE_MIGRATIONS }),
    ).initialize();
    try {
      await dataSource.query(
        `INSERT INTO "notice" ("number", "type", "owner", "state", "familyName", "givenNames", "documentNumbers", "offence", "expiry", "revision", "envelopeId", "restrictedTo", "recipients", "publishedAt", "updatedAt") VALUES ('A-2/2026', 'red', 'DK', 'active', 'Müller', 'Jörg', '[]', 'fraud', '2030-01-01', 1, 'e2', '[]', '[]', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
      );
      // Back through every later migration, then the name search's own.
      const later = NODE_MIGRATIONS.length - 1 - NODE_MIGRATIONS.indexOf(NoticeNameSearch1796137651141);
      for (let step = 0; step <= later; step += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await dataSource.query(`SELECT "nameKey" FROM "notice"`)).toEqual([{ nameKey: 'muller jorg' }]);
      expect(await dataSource.query(`SELECT token FROM "notice_name_token" ORDER BY token`)).toEqual([
        { token: 'jorg' },
        { token: 'muller' },
      ]);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(
        await dataSource.query(
          `SELECT k.number FROM "notice_name" JOIN "notice_name_key" k ON k.id = "notice_name".rowid WHERE "notice_name" MATCH '"MULLER"*'`,
        ),
      ).toEqual([{ number: 'A-2/2026' }]);
    } finally {
      await dataSource.destroy();
    }
  });
});

// The PostgreSQL history starts with its Initial: its previous release is every migration before the notice counter.
describe('the node schema on PostgreSQL', () => {
  let server: RunningPostgres | undefined;
  const open: DataSource[] = [];

  /** A new database on the run's PostgreSQL, or on a private one when the run is on SQLite. */
  const newDatabase = async (label: string): Promise<string> => {
    const onRun = await throwawayPostgresUrl(label);
    if (onRun) return onRun;
    server ??= await startPostgres();
    return server.createDatabase(label);
  };

  const migrated = async (url: string, postgresMigrations: readonly MigrationClass[]): Promise<DataSource> => {
    const dataSource = await new DataSource({
      ...dataSourceOptions({
        database: 'unused',
        url,
        entities: NODE_ENTITIES,
        migrations: NODE_MIGRATIONS,
        postgresMigrations,
      }),
      name: `node-pg-${open.length}-${Math.random()}`,
    }).initialize();
    open.push(dataSource);
    return dataSource;
  };

  afterAll(async () => {
    await Promise.all(open.map((dataSource) => dataSource.destroy()));
    await server?.stop();
  });

  it('is made by its migrations exactly as its entities declare', async () => {
    expect(
      (await pendingSchemaChanges(NODE_ENTITIES, NODE_POSTGRES_MIGRATIONS, await newDatabase('drift'))).up,
    ).toEqual([]);
  });

  it("upgrades the previous release's database: each year's counter starts after the notices held", async () => {
    const url = await newDatabase('upgrade');
    // The release before the counter: every migration ahead of it (later ones, e.g. LedgerBigint, follow).
    const counter = NODE_POSTGRES_MIGRATIONS.findIndex((migration) => migration.name.startsWith('NoticeNumberCounter'));
    const previous = await migrated(url, NODE_POSTGRES_MIGRATIONS.slice(0, counter));
    for (const number of ['A-3/2026', 'A-2/2026', 'A-4/2025'])
      await previous.query(
        `INSERT INTO "notice" ("number", "type", "owner", "state", "familyName", "givenNames", "documentNumbers", "offence", "expiry", "revision", "envelopeId", "restrictedTo", "recipients", "publishedAt", "updatedAt") VALUES ($1, 'red', 'DK', 'active', 'Müller', 'Jörg', '[]', 'fraud', '2030-01-01', 1, $2, '[]', '[]', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
        [number, `e-${number}`],
      );
    const current = await migrated(url, NODE_POSTGRES_MIGRATIONS);
    expect(await current.query(`SELECT year, last FROM "notice_number_counter" ORDER BY year`)).toEqual([
      { year: 2025, last: 4 },
      { year: 2026, last: 3 },
    ]);
  });
});
