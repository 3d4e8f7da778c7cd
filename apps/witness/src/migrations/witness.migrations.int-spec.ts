import { pendingSchemaChanges } from '@bureaunet/persistence';
import { checkPostgresSchemaUpgrade } from '@bureaunet/testing/database';
import { WITNESS_ENTITIES } from '../witness.module';
import { WITNESS_MIGRATIONS } from './index';
import { WITNESS_POSTGRES_MIGRATIONS } from './postgres';

/** Past PostgreSQL's integer: a tree size the witness must hold once upgraded. */
const BEYOND_INT32 = 2 ** 40 + 3;

describe('the witness schema', () => {
  it('is made by its migrations exactly as its entities declare', async () => {
    expect((await pendingSchemaChanges(WITNESS_ENTITIES, WITNESS_MIGRATIONS)).up).toEqual([]);
  });

  it('is made on PostgreSQL by its PostgreSQL migrations exactly as its entities declare, and upgrades the first PostgreSQL schema without losing a checkpoint, its tree sizes now 64-bit', async () => {
    const result = await checkPostgresSchemaUpgrade({
      entities: WITNESS_ENTITIES,
      migrations: WITNESS_POSTGRES_MIGRATIONS,
      seed: (dataSource) =>
        dataSource.query(
          `INSERT INTO "witness_checkpoint" VALUES ('example.com/log', 7, 'ab', 'note', '2026-11-01T00:00:00.000Z')`,
        ),
      read: async (dataSource) => {
        const before = await dataSource.query(`SELECT origin, tree_size FROM "witness_checkpoint"`);
        await dataSource.query(`UPDATE "witness_checkpoint" SET tree_size = $1`, [BEYOND_INT32]);
        return { before, after: await dataSource.query(`SELECT tree_size FROM "witness_checkpoint"`) };
      },
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(WITNESS_POSTGRES_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual({
      before: [{ origin: 'example.com/log', tree_size: 7 }],
      after: [{ tree_size: BEYOND_INT32 }],
    });
  });
});
