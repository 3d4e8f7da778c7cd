import { checkPostgresSchemaUpgrade, checkSchemaUpgrade } from '@bureaunet/testing/database';
import type { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES } from '../gateway.module';
import { GATEWAY_MIGRATIONS } from './index';
import { GATEWAY_POSTGRES_MIGRATIONS } from './postgres';

/** Past PostgreSQL's integer: an index the ledger columns must hold once upgraded. */
const BEYOND_INT32 = 2 ** 40 + 3;

describe('the gateway schema', () => {
  it('is made by its migrations exactly as its entities declare, and upgrades a database of the release before migrations without losing a row', async () => {
    const result = await checkSchemaUpgrade({
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      seed: async (dataSource) => {
        await dataSource.query(`INSERT INTO "ledger_registry_event" VALUES ('e1', 7, '2026-01-01T00:00:00.000Z')`);
        // Accepted before the upgrade: a receipt for it is checked against the digest the replay record kept.
        await dataSource.query(
          `INSERT INTO "processed_submission" VALUES ('m1', 'digest-of-m1', 'DK', '["MR"]', 'report', '2026-11-01T00:00:00.000Z')`,
        );
        await dataSource.query(
          `INSERT INTO "envelope_lineage" VALUES ('m1', 'DK', 'message', '[]', '2026-11-01T00:00:00.000Z')`,
        );
      },
      read: async (dataSource) => ({
        events: await dataSource.query(`SELECT event_id, leaf_index FROM "ledger_registry_event"`),
        lineage: await dataSource.query(`SELECT envelopeId, digest, deliveredTo FROM "envelope_lineage"`),
        beyondInt32: await leafIndexBeyondInt32(dataSource),
      }),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(GATEWAY_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual({
      events: [{ event_id: 'e1', leaf_index: 7 }],
      lineage: [{ envelopeId: 'm1', digest: 'digest-of-m1', deliveredTo: '["MR"]' }],
      beyondInt32: [{ leaf_index: BEYOND_INT32 }],
    });
  });

  it('is made on PostgreSQL by its PostgreSQL migrations exactly as its entities declare, and upgrades the first PostgreSQL schema without losing a row, its ledger indexes now 64-bit', async () => {
    const result = await checkPostgresSchemaUpgrade({
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_POSTGRES_MIGRATIONS,
      seed: async (dataSource) => {
        await dataSource.query(`INSERT INTO "ledger_registry_event" VALUES ('e1', 7, '2026-01-01T00:00:00.000Z')`);
        await dataSource.query(
          `INSERT INTO "envelope_lineage" ("envelopeId", "sender", "kind", "restrictedTo", "digest", "deliveredTo", "acceptedAt") VALUES ('m1', 'DK', 'message', '[]', 'digest-of-m1', '["MR"]', '2026-11-01T00:00:00.000Z')`,
        );
      },
      read: async (dataSource) => ({
        events: await dataSource.query(`SELECT event_id, leaf_index FROM "ledger_registry_event"`),
        lineage: await dataSource.query(`SELECT "envelopeId", digest, "deliveredTo" FROM "envelope_lineage"`),
        beyondInt32: await leafIndexBeyondInt32(dataSource),
      }),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(GATEWAY_POSTGRES_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual({
      events: [{ event_id: 'e1', leaf_index: 7 }],
      lineage: [{ envelopeId: 'm1', digest: 'digest-of-m1', deliveredTo: '["MR"]' }],
      beyondInt32: [{ leaf_index: BEYOND_INT32 }],
    });
  });
});

async function leafIndexBeyondInt32(dataSource: DataSource): Promise<unknown> {
  await dataSource.query(
    `INSERT INTO "ledger_leaf" ("leaf_index", "leaf_input", "leaf_hash", "envelope_id", "type", "at") VALUES (${BEYOND_INT32}, '{}', 'ab', NULL, 'test', '2026-11-01T00:00:00.000Z')`,
  );
  return dataSource.query(`SELECT leaf_index FROM "ledger_leaf" WHERE leaf_index = ${BEYOND_INT32}`);
}
