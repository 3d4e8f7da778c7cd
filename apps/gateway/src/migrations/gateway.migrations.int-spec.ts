import { checkSchemaUpgrade } from '@bureaunet/testing';
import { GATEWAY_ENTITIES } from '../gateway.module';
import { GATEWAY_MIGRATIONS } from './index';

describe('the gateway schema', () => {
  it('is made by its migrations exactly as its entities declare, and upgrades a database of the release before migrations without losing a row', async () => {
    const result = await checkSchemaUpgrade({
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      seed: (dataSource) => dataSource.query(`INSERT INTO "ledger_registry_event" VALUES ('e1', 7, '2026-01-01T00:00:00.000Z')`),
      read: (dataSource) => dataSource.query(`SELECT event_id, leaf_index FROM "ledger_registry_event"`),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(GATEWAY_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual([{ event_id: 'e1', leaf_index: 7 }]);
  });
});
