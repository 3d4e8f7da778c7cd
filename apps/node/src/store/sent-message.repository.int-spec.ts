import { DataSource } from 'typeorm';
import { nodeTestDataSource } from '../migrations/node.test-database';
import { ReceivedMessageEntity } from './received-message.entity';
import { ReceivedMessageRepository } from './received-message.repository';
import {
  applyRecipientEvent,
  PENDING,
  RECIPIENT_STATES,
  type RecipientEvent,
  type RecipientStatus,
} from './recipient-state';
import { RecipientStateEntity } from './recipient-state.entity';
import { SentMessageEntity } from './sent-message.entity';
import { SentMessageRepository } from './sent-message.repository';

const NOW = '2026-12-02T08:00:00.000Z';
const refusal = { code: 'policy-denied' as const, message: 'FR does not accept diffusions from MR', rule: 'bilateral' };
const EVENTS: RecipientEvent[] = [
  { type: 'delivered' },
  { type: 'refused', refusal },
  { type: 'receipted', at: NOW, receiptId: 'r-1' },
  { type: 'overdue' },
  { type: 'rejected', at: NOW, receiptId: 'r-2', refusal: { code: 'expired', message: 'too late' } },
];

function sentMessage(id: string): SentMessageEntity {
  return Object.assign(new SentMessageEntity(), {
    id,
    kind: 'message',
    to: ['MR', 'FR'],
    meta: { priority: 'urgent' },
    envelope: Buffer.from(`envelope ${id}`),
    digest: `digest-${id}`,
    createdAt: NOW,
    expiresAt: NOW,
    publishedAt: null,
    reportStatus: null,
    reportRefusal: null,
    reportedAt: null,
    report: null,
    attempts: 0,
    lastAttemptAt: NOW,
    nextCheckAt: NOW,
    retryAt: null,
    lastError: null,
  });
}

/** The plain SQL of the hot path (below TypeORM's query builder) against the migrations, on real SQLite. */
describe('the outbox and inbox statements (real SQLite, the migrations)', () => {
  let dataSource: DataSource;
  let sent: SentMessageRepository;
  let received: ReceivedMessageRepository;

  beforeAll(async () => {
    dataSource = await nodeTestDataSource('sent_message');
    await dataSource.runMigrations();
    sent = new SentMessageRepository(
      dataSource.getRepository(SentMessageEntity),
      dataSource.getRepository(RecipientStateEntity),
    );
    received = new ReceivedMessageRepository(dataSource.getRepository(ReceivedMessageEntity));
  });

  afterAll(() => dataSource.destroy());

  const status = async (messageId: string, code: string): Promise<RecipientStatus | null> => {
    const row = await dataSource.getRepository(RecipientStateEntity).findOneBy({ messageId, code });
    return row && { state: row.state, refusal: row.refusal, receiptedAt: row.receiptedAt, receiptId: row.receiptId };
  };

  it('stores a message and its pending addressees as TypeORM reads them back', async () => {
    const message = sentMessage('m-insert');
    const codes = Array.from({ length: 195 }, (_, index) => `B${index}`);
    await dataSource.transaction((manager) => sent.insert(manager, message, codes, NOW));
    expect(await sent.findById('m-insert')).toEqual(message);
    expect(await sent.findHead('m-insert')).toEqual({
      id: 'm-insert',
      kind: 'message',
      to: ['MR', 'FR'],
      digest: 'digest-m-insert',
      attempts: 0,
      reportStatus: null,
    });
    const states = await sent.findRecipients(['m-insert']);
    expect(states).toHaveLength(195);
    expect(states.every((state) => state.state === 'pending' && state.updatedAt === NOW)).toBe(true);
  });

  it('moves a recipient exactly as applyRecipientEvent does, from every state, for every event', async () => {
    const cases = RECIPIENT_STATES.flatMap((state) => EVENTS.map((event) => ({ state, event })));
    for (const [index, { state, event }] of cases.entries()) {
      const messageId = `m-rank-${index}`;
      // The starting status as the same function would have made it.
      const start = EVENTS.map((made) => applyRecipientEvent(PENDING, made)).find((made) => made.state === state);
      if (start)
        await dataSource.transaction((m) =>
          sent.applyRecipientEvents(m, messageId, [{ code: 'MR', event: eventOf(start) }], NOW),
        );
      await dataSource.transaction((m) => sent.applyRecipientEvents(m, messageId, [{ code: 'MR', event }], NOW));
      expect({ state, event, after: await status(messageId, 'MR') }).toEqual({
        state,
        event,
        after: applyRecipientEvent(start ?? PENDING, event),
      });
    }
  });

  it('records the first report with its next look, and nothing for a second', async () => {
    await dataSource.transaction((manager) => sent.insert(manager, sentMessage('m-report'), ['MR'], NOW));
    const report = { status: 'refused' as const, refusal, reportedAt: NOW, raw: Buffer.from('report') };
    expect(await dataSource.transaction((m) => sent.recordReport(m, 'm-report', report, null))).toBe(true);
    const later = { ...report, status: 'accepted' as const, refusal: null, reportedAt: '2026-12-02T09:00:00.000Z' };
    expect(await dataSource.transaction((m) => sent.recordReport(m, 'm-report', later, NOW))).toBe(false);
    expect(await sent.findById('m-report')).toMatchObject({
      publishedAt: NOW,
      reportStatus: 'refused',
      reportRefusal: refusal,
      reportedAt: NOW,
      report: Buffer.from('report'),
      nextCheckAt: null,
    });
  });

  it('marks many first publishes in one statement, never a second time', async () => {
    for (const id of ['m-pub-1', 'm-pub-2'])
      await dataSource.transaction((manager) => sent.insert(manager, sentMessage(id), [], NOW));
    const first = [
      { id: 'm-pub-1', at: '2026-12-02T08:00:01.000Z' },
      { id: 'm-pub-2', at: '2026-12-02T08:00:02.000Z' },
    ];
    await dataSource.transaction((m) => sent.markPublished(m, first));
    await dataSource.transaction((m) => sent.markPublished(m, [{ id: 'm-pub-1', at: '2026-12-02T09:00:00.000Z' }]));
    expect((await sent.findById('m-pub-1'))?.publishedAt).toBe('2026-12-02T08:00:01.000Z');
    expect((await sent.findById('m-pub-2'))?.publishedAt).toBe('2026-12-02T08:00:02.000Z');
  });

  it('inserts a received envelope once and tells a second copy by the conflict', async () => {
    const row = Object.assign(new ReceivedMessageEntity(), {
      id: 'r-once',
      from: 'DK',
      kind: 'message',
      meta: {},
      body: { text: 'ß' },
      envelope: Buffer.from('bytes'),
      digest: 'digest-r-once',
      createdAt: NOW,
      expiresAt: NOW,
      receivedAt: NOW,
    });
    expect(await dataSource.transaction((m) => received.insertOnce(m, row))).toBe(true);
    expect(await dataSource.transaction((m) => received.insertOnce(m, { ...row, digest: 'other' }))).toBe(false);
    expect(await received.findById('r-once')).toEqual(row);
    expect(await received.digestOf('r-once')).toBe('digest-r-once');
    expect(await received.digestOf('r-never')).toBeUndefined();
    const receipt = { ...row, id: 'r-receipt', kind: 'receipt' as const, body: null };
    await dataSource.transaction((m) => received.insertOnce(m, receipt));
    expect(await received.findById('r-receipt')).toEqual(receipt);
  });
});

/** An event that leads from pending to `status`. */
function eventOf(status: RecipientStatus): RecipientEvent {
  return EVENTS.find((event) => applyRecipientEvent(PENDING, event).state === status.state)!;
}
