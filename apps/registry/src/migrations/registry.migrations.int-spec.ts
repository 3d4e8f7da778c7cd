import { checkSchemaUpgrade } from '@bureaunet/testing';
import { REGISTRY_ENTITIES } from '../registry.module';
import { REGISTRY_MIGRATIONS } from './index';

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
});
