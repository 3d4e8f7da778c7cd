import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { EnvelopeMeta, MessageKind } from '@bureaunet/contracts';
import type { InboxFilter } from './inbox.filter';
import { MessageReadRepository } from './message-read.repository';
import { MessageReadEntity } from './message-read.entity';
import { nodeTestDataSource } from '../migrations/node.test-database';
import { ReceivedMessageEntity } from './received-message.entity';
import { ReceivedMessageRepository } from './received-message.repository';

interface Seed {
  id: string;
  from: string;
  kind: MessageKind;
  meta?: EnvelopeMeta;
  body: unknown;
  receivedAt: string;
}

const SEEDS: Seed[] = [
  {
    id: 'm1',
    from: 'FR',
    kind: 'diffusion',
    meta: { priority: 'urgent' },
    body: { text: 'Stolen Audi A6, plate 100% fake' },
    receivedAt: '2026-11-20T10:00:00.000Z',
  },
  {
    id: 'm2',
    from: 'DK',
    kind: 'message',
    body: { text: 'Réponse: "vu" à Nouakchott' },
    receivedAt: '2026-11-21T10:00:00.000Z',
  },
  {
    id: 'm3',
    from: 'FR',
    kind: 'message',
    meta: { priority: 'routine', noticeType: '"priority":"urgent"' },
    body: 'audi_seen',
    receivedAt: '2026-11-22T10:00:00.000Z',
  },
  { id: 'm4', from: 'XH', kind: 'receipt', body: null, receivedAt: '2026-11-23T10:00:00.000Z' },
  {
    id: 'm5',
    from: 'DK',
    kind: 'diffusion',
    meta: { priority: 'immediate' },
    body: { note: 'شاحنة مسروقة' },
    receivedAt: '2026-11-24T10:00:00.000Z',
  },
];

describe('inbox filters and unread state (real SQLite or PostgreSQL, the migrations)', () => {
  let dataSource: DataSource;
  let messages: ReceivedMessageRepository;
  let reads: MessageReadRepository;
  const ids = async (filter: InboxFilter, limit = 50) =>
    (await messages.listNewestFirst({ limit, filter })).map((message) => message.id);

  beforeAll(async () => {
    dataSource = await nodeTestDataSource('inbox');
    await dataSource.runMigrations();
    messages = new ReceivedMessageRepository(dataSource.getRepository(ReceivedMessageEntity));
    reads = new MessageReadRepository(dataSource.getRepository(MessageReadEntity));
    for (const seed of SEEDS) {
      await dataSource.getRepository(ReceivedMessageEntity).insert({
        ...seed,
        meta: seed.meta ?? {},
        envelope: Buffer.from(seed.id),
        digest: `d-${seed.id}`,
        createdAt: seed.receivedAt,
        expiresAt: '2027-01-01T00:00:00.000Z',
      } as QueryDeepPartialEntity<ReceivedMessageEntity>);
    }
  });

  afterAll(() => dataSource.destroy());

  it('narrows by kind, sender and the received time range, receipts left out', async () => {
    expect(await ids({})).toEqual(['m5', 'm3', 'm2', 'm1']);
    expect(await ids({ kind: 'diffusion' })).toEqual(['m5', 'm1']);
    expect(await ids({ from: 'FR' })).toEqual(['m3', 'm1']);
    expect(await ids({ since: '2026-11-21T10:00:00.000Z', until: '2026-11-24T10:00:00.000Z' })).toEqual(['m3', 'm2']);
  });

  it('matches meta.priority itself, not a string value that spells it', async () => {
    expect(await ids({ priority: 'urgent' })).toEqual(['m1']);
    expect(await ids({ priority: 'routine' })).toEqual(['m3']);
  });

  it('finds body text case-insensitively, with quotes, accents, Arabic and LIKE wildcards taken literally', async () => {
    expect(await ids({ text: 'audi' })).toEqual(['m3', 'm1']);
    expect(await ids({ text: '"vu" à' })).toEqual(['m2']);
    expect(await ids({ text: 'مسروقة' })).toEqual(['m5']);
    expect(await ids({ text: '100%' })).toEqual(['m1']);
    // As a wildcard "aud_" would match "Audi" in both.
    expect(await ids({ text: 'aud_' })).toEqual([]);
    expect(await ids({ text: 'audi_' })).toEqual(['m3']);
  });

  it("keeps each person's read state apart and counts the first opening once", async () => {
    await dataSource.transaction((manager) => reads.markRead(manager, 'm2', 'ana', '2026-11-25T00:00:00.000Z'));
    await dataSource.transaction((manager) => reads.markRead(manager, 'm2', 'ana', '2026-11-26T00:00:00.000Z'));
    await dataSource.transaction((manager) => reads.markRead(manager, 'm5', 'ben', '2026-11-25T00:00:00.000Z'));
    expect(await ids({ unreadBy: 'ana' })).toEqual(['m5', 'm3', 'm1']);
    expect(await ids({ unreadBy: 'ben', kind: 'diffusion' })).toEqual(['m1']);
    expect([...(await reads.readAmong('ana', ['m1', 'm2', 'm5']))]).toEqual(['m2']);
    expect(await dataSource.getRepository(MessageReadEntity).countBy({ personId: 'ana' })).toBe(1);
  });

  it('pages a filtered list with the same keyset cursor', async () => {
    const first = await messages.listNewestFirst({ limit: 1, filter: { from: 'DK' } });
    const next = await messages.listNewestFirst({ limit: 1, before: first[0], filter: { from: 'DK' } });
    expect([first[0].id, next[0].id]).toEqual(['m5', 'm2']);
  });
});
