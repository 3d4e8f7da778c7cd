import { checkSchemaUpgrade } from '@bureaunet/testing';
import { NODE_ENTITIES } from '../store/node.entities';
import { NODE_MIGRATIONS } from './index';

describe('the node schema', () => {
  it('is made by its migrations exactly as its entities declare, and upgrades a database of the release before migrations without losing a row', async () => {
    const result = await checkSchemaUpgrade({
      entities: NODE_ENTITIES,
      migrations: NODE_MIGRATIONS,
      seed: async (dataSource) => {
        await dataSource.query(`INSERT INTO "notice_name_token" VALUES ('A-1/2026', 'doe')`);
        // Sent before the upgrade and never reported: the republisher must look at it after.
        await dataSource.query(
          `INSERT INTO "sent_message" ("id", "kind", "recipients", "meta", "envelope", "digest", "createdAt", "expiresAt") VALUES ('m1', 'message', '["DK"]', '{}', x'00', 'd', '2026-11-01T00:00:00.000Z', '2026-11-08T00:00:00.000Z')`,
        );
      },
      read: async (dataSource) => ({
        tokens: await dataSource.query(`SELECT number, token FROM "notice_name_token"`),
        open: await dataSource.query(`SELECT id, nextCheckAt, attempts FROM "sent_message"`),
      }),
    });
    expect(result.drift).toEqual([]);
    expect(result.applied).toEqual(NODE_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(result.survivor).toEqual({
      tokens: [{ number: 'A-1/2026', token: 'doe' }],
      open: [{ id: 'm1', nextCheckAt: '2026-11-01T00:00:00.000Z', attempts: 0 }],
    });
  });
});
