import { checkSchemaUpgrade } from '@bureaunet/testing';
import { GATEWAY_ENTITIES } from '../gateway.module';
import { GATEWAY_MIGRATIONS } from './index';

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
      }),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(GATEWAY_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual({
      events: [{ event_id: 'e1', leaf_index: 7 }],
      lineage: [{ envelopeId: 'm1', digest: 'digest-of-m1', deliveredTo: '["MR"]' }],
    });
  });
});
