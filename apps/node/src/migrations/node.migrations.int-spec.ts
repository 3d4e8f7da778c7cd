import { checkSchemaUpgrade } from '@bureaunet/testing';
import { NODE_ENTITIES } from '../node.entities';
import { NODE_MIGRATIONS } from './index';

describe('the node schema', () => {
  it('is made by its migrations exactly as its entities declare, and upgrades a database of the release before migrations without losing a row', async () => {
    const result = await checkSchemaUpgrade({
      entities: NODE_ENTITIES,
      migrations: NODE_MIGRATIONS,
      seed: (dataSource) => dataSource.query(`INSERT INTO "notice_name_token" VALUES ('A-1/2026', 'doe')`),
      read: (dataSource) => dataSource.query(`SELECT number, token FROM "notice_name_token"`),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(NODE_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual([{ number: 'A-1/2026', token: 'doe' }]);
  });
});
