import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { EnvelopeMeta, Handling } from '@bureaunet/contracts';
import type { BureauIdentity } from '@bureaunet/identity';
import { sqliteDataSourceOptions } from '@bureaunet/persistence';
import { NODE_MIGRATIONS } from '../migrations';
import { NODE_ENTITIES } from '../store/node.entities';
import { ReceivedMessageEntity } from '../store/received-message.entity';
import { ReceivedMessageRepository } from '../store/received-message.repository';
import { RecipientStateEntity } from '../store/recipient-state.entity';
import { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository } from '../store/sent-message.repository';
import { receivedBodyDigests } from './body-digest';
import { ContentOriginCheck } from './content-origin.check';
import { Consent1796169654462 } from '../migrations/1796169654462-consent';
import { InheritedHandling } from './inherited-handling';
import { LocalLineage } from './local-lineage';
import { OutgoingMetaGuard } from './outgoing-meta.guard';
import { ReceivedBodyDigestEntity } from '../store/received-body-digest.entity';
import { ReceivedBodyDigestRepository } from '../store/received-body-digest.repository';

const REPORT =
  'Vehicle seen crossing at Rosso at 06:10, two occupants, heading north; plate DK-44-XY matches the stolen list.';
const H3: Handling = { code: 'H3', conditions: 'for the investigation only', allowTo: ['FR'] };

function received(
  id: string,
  body: unknown,
  meta: EnvelopeMeta = {},
  from = 'MR',
): QueryDeepPartialEntity<ReceivedMessageEntity> {
  return {
    id,
    from,
    kind: 'message',
    meta,
    body: body as never,
    envelope: Buffer.from(id),
    digest: `d-${id}`,
    createdAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2027-01-01T00:00:00.000Z',
    receivedAt: '2026-11-20T10:00:00.000Z',
  };
}

describe('what a node checks before sending an officer’s message (real SQLite, the migrations)', () => {
  let directory: string;
  let dataSource: DataSource;
  let guard: OutgoingMetaGuard;
  let lineage: LocalLineage;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'bn-consent-'));
    const database = join(directory, 'node.sqlite');
    // A database of the release before: a message received then must be recognised after the upgrade.
    const before = await new DataSource(
      sqliteDataSourceOptions({
        database,
        entities: [],
        migrations: NODE_MIGRATIONS.slice(0, NODE_MIGRATIONS.indexOf(Consent1796169654462)),
      }),
    ).initialize();
    await before.query(
      `INSERT INTO "received_message" ("id", "sender", "kind", "meta", "body", "envelope", "digest", "createdAt", "expiresAt", "receivedAt") VALUES ('m1', 'MR', 'message', ?, ?, x'00', 'd', '2026-11-20T10:00:00.000Z', '2027-01-01T00:00:00.000Z', '2026-11-20T10:00:00.000Z')`,
      [JSON.stringify({ handling: H3 }), JSON.stringify({ subject: 'Rosso', text: REPORT })],
    );
    await before.destroy();
    dataSource = await new DataSource(
      sqliteDataSourceOptions({ database, entities: NODE_ENTITIES, migrations: NODE_MIGRATIONS }),
    ).initialize();
    const messages = dataSource.getRepository(ReceivedMessageEntity);
    const digests = new ReceivedBodyDigestRepository(dataSource.getRepository(ReceivedBodyDigestEntity));
    // m2 forwards m1 (DK forwarded it on to this bureau); m3 is unrelated content.
    const m2Body = { text: 'FYI', forwarded: { id: 'm1', body: { subject: 'Rosso', text: REPORT } } };
    await messages.insert(received('m2', m2Body, { forwardOf: 'm1', handling: H3 }, 'DK'));
    await messages.insert(received('m3', { text: 'Another long report about a different vehicle at the border.' }));
    await dataSource.transaction(async (manager) => {
      await digests.insert(manager, 'm2', receivedBodyDigests(m2Body));
      await digests.insert(
        manager,
        'm3',
        receivedBodyDigests({ text: 'Another long report about a different vehicle at the border.' }),
      );
    });
    lineage = new LocalLineage(
      new ReceivedMessageRepository(messages),
      new SentMessageRepository(
        dataSource.getRepository(SentMessageEntity),
        dataSource.getRepository(RecipientStateEntity),
      ),
      { code: 'DK' } as BureauIdentity,
    );
    guard = new OutgoingMetaGuard(new ContentOriginCheck(digests, lineage), new InheritedHandling(lineage));
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('refuses received content sent as new, whole, embedded or pasted with other whitespace, naming the envelope (digests backfilled by the migration)', async () => {
    const refusal = {
      code: 'content-origin-missing',
      message: expect.stringContaining('envelope m1: send it as a forward with meta.forwardOf m1'),
    };
    await expect(guard.check('message', {}, { subject: 'Rosso', text: REPORT })).rejects.toMatchObject(refusal);
    await expect(
      guard.check('message', {}, { note: 'see', quoted: { subject: 'Rosso', text: REPORT } }),
    ).rejects.toMatchObject(refusal);
    await expect(guard.check('message', {}, { text: REPORT.replace(/ /g, '\n  ') })).rejects.toMatchObject({
      kind: 'unprocessable',
    });
    await expect(guard.check('message', { replyTo: 'm1' }, { text: REPORT })).rejects.toMatchObject(refusal);
    await expect(guard.check('message', { forwardOf: 'm3' }, { text: REPORT })).rejects.toMatchObject(refusal);
  });

  it('passes it as a forward naming its envelope or its lineage, and passes new or short content', async () => {
    await expect(
      guard.check('message', { forwardOf: 'm1' }, { text: 'FYI', forwarded: { text: REPORT } }),
    ).resolves.toEqual({
      forwardOf: 'm1',
      handling: H3,
    });
    // m2 carries m1's content: a forward of m2 names the lineage it came in.
    await expect(guard.check('message', { forwardOf: 'm2' }, { text: REPORT })).resolves.toMatchObject({
      forwardOf: 'm2',
    });
    await expect(
      guard.check('message', {}, { text: 'A report nobody sent this bureau before, long enough to count.' }),
    ).resolves.toEqual({});
    await expect(guard.check('message', {}, { text: 'ok' })).resolves.toEqual({});
  });

  it('gives a forward or reply the handling of what it passes on, and refuses a lower code naming both', async () => {
    await expect(guard.check('message', { replyTo: 'm1' }, { text: 'Thanks' })).resolves.toEqual({
      replyTo: 'm1',
      handling: H3,
    });
    await expect(
      guard.check('message', { replyTo: 'm1', handling: { code: 'H1' } }, { text: 'Thanks' }),
    ).rejects.toMatchObject({
      code: 'handling-lowered',
      kind: 'unprocessable',
      message: expect.stringContaining('meta.handling H1 is lower than H3 of envelope m1'),
    });
    await expect(guard.check('message', { replyTo: 'm3' }, { text: 'Thanks' })).resolves.toEqual({ replyTo: 'm3' });
    await expect(
      guard.check('message', { replyTo: 'm3', handling: { code: 'H2' } }, { text: 'Thanks' }),
    ).resolves.toEqual({
      replyTo: 'm3',
      handling: { code: 'H2' },
    });
  });

  it('gives a workflow step’s reply the same handling (the outbox applies it to every send), but not a consent message', async () => {
    const handling = new InheritedHandling(lineage);
    await expect(handling.apply('message', { replyTo: 'm2' })).resolves.toEqual({ replyTo: 'm2', handling: H3 });
    await expect(handling.apply('hit-confirmation', { replyTo: 'm1' })).resolves.toMatchObject({ handling: H3 });
    await expect(
      handling.apply('consent-request', { consent: { envelopeId: 'm1', purpose: 'evidence' } }),
    ).resolves.toEqual({ consent: { envelopeId: 'm1', purpose: 'evidence' } });
    await expect(
      handling.apply('consent-decision', {
        replyTo: 'm1',
        consent: { envelopeId: 'm1', purpose: 'evidence', decision: 'refused' },
      }),
    ).resolves.not.toHaveProperty('handling');
  });
});
