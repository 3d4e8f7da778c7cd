import { SchedulerRegistry } from '@nestjs/schedule';
import type { EntityManager } from 'typeorm';
import type { SerialWriter } from '@bureaunet/persistence';
import type { NodeConfig } from '../node.config';
import type { OutboxPublisher, PublishOutcome } from './outbox.publisher';
import { OutboxRepublisher } from './outbox.republisher';
import type { SentMessageEntity } from '../store/sent-message.entity';
import type { AttemptRecord, SentMessageRepository } from '../store/sent-message.repository';

const config = {
  republishIntervalMs: 60_000,
  reportDeadlineMs: 1_000,
  receiptDeadlineMs: 10_000,
  republishMaxAttempts: 3,
} as NodeConfig;
const now = new Date('2026-12-01T10:00:00.000Z');
const manager = {} as EntityManager;

function messages(count: number, fields: Partial<SentMessageEntity> = {}): SentMessageEntity[] {
  return Array.from(
    { length: count },
    (_, index) =>
      ({
        id: `id-${String(index).padStart(4, '0')}`,
        kind: 'message',
        envelope: Buffer.from('{}'),
        createdAt: '2026-12-01T09:00:00.000Z',
        expiresAt: '2026-12-08T09:00:00.000Z',
        publishedAt: null,
        reportStatus: null,
        reportedAt: null,
        attempts: 0,
        lastAttemptAt: '2026-12-01T09:00:00.000Z',
        retryAt: null,
        lastError: null,
        ...fields,
      }) as SentMessageEntity,
  );
}

function setup(due: SentMessageEntity[], outcomes: Record<string, PublishOutcome['status']> = {}) {
  const recorded = new Map<string, AttemptRecord>();
  const overdue: string[] = [];
  const repository = {
    findDue: jest.fn((_now: string, { limit, after }: { limit: number; after?: string }) =>
      Promise.resolve(due.filter((m) => !after || m.id > after).slice(0, limit)),
    ),
    openRecipients: jest.fn((ids: string[]) => Promise.resolve(new Map(ids.map((id) => [id, ['MR']])))),
    recordAttempt: jest.fn(
      (_m: EntityManager, id: string, record: AttemptRecord) => (recorded.set(id, record), Promise.resolve()),
    ),
    setNextChecks: jest.fn(() => Promise.resolve()),
    markOverdue: jest.fn((_m: EntityManager, id: string) => (overdue.push(id), Promise.resolve(['MR']))),
  };
  const msgIds: string[] = [];
  const publisher = {
    publishIfUp: jest.fn((message: SentMessageEntity, msgId: string) => {
      msgIds.push(msgId);
      const status = outcomes[message.id] ?? 'published';
      return Promise.resolve(status === 'published' ? { status } : { status, reason: `${status} test` });
    }),
    settleMarks: jest.fn(() => Promise.resolve()),
  };
  const writer = { transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
  const scheduler = new SchedulerRegistry();
  const republisher = new OutboxRepublisher(
    repository as unknown as SentMessageRepository,
    publisher as unknown as OutboxPublisher,
    writer as unknown as SerialWriter,
    config,
    { now: () => now },
    scheduler,
  );
  return { republisher, repository, publisher, msgIds, recorded, overdue, scheduler };
}

describe('OutboxRepublisher', () => {
  it('publishes everything due, page after page, the never-published under their own id', async () => {
    const due = messages(250);
    const { republisher, repository, msgIds } = setup(due);
    expect(await republisher.round()).toEqual({ published: 250, failed: 0, overdue: 0, busDown: false });
    expect(msgIds).toEqual(due.map((message) => message.id));
    expect(repository.findDue).toHaveBeenCalledTimes(3);
  });

  it('goes on past a message the bus refuses, recording the error and counting the attempt', async () => {
    const { republisher, msgIds, recorded } = setup(messages(5), { 'id-0001': 'message-refused' });
    expect(await republisher.round()).toEqual({ published: 4, failed: 1, overdue: 0, busDown: false });
    expect(msgIds).toHaveLength(5);
    expect(recorded.get('id-0001')).toMatchObject({
      attempts: 1,
      lastError: expect.stringContaining('the bus refused it'),
      nextCheckAt: '2026-12-01T10:00:02.000Z',
    });
    expect(recorded.get('id-0002')).toMatchObject({
      attempts: 0,
      lastError: null,
      nextCheckAt: '2026-12-01T10:00:01.000Z',
    });
  });

  it('stops the round when the bus is down, recording nothing for that message', async () => {
    const { republisher, msgIds, recorded } = setup(messages(5), { 'id-0002': 'bus-unavailable' });
    expect(await republisher.round()).toEqual({ published: 2, failed: 0, overdue: 0, busDown: true });
    expect(msgIds).toEqual(['id-0000', 'id-0001', 'id-0002']);
    expect(recorded.has('id-0002')).toBe(false);
  });

  it('sends a late copy under a distinct msgId, so the stream does not drop it as a duplicate', async () => {
    const late = messages(1, {
      publishedAt: '2026-12-01T09:00:00.000Z',
      reportStatus: 'accepted',
      reportedAt: '2026-12-01T09:00:01.000Z',
      attempts: 1,
      lastAttemptAt: '2026-12-01T09:10:00.000Z',
    });
    const { republisher, msgIds, recorded } = setup(late);
    await republisher.round();
    expect(msgIds).toEqual(['id-0000:2']);
    expect(recorded.get('id-0000')).toMatchObject({ attempts: 2, lastError: 'republished (no receipt from MR)' });
  });

  it('marks the open recipients overdue once the attempts are spent, and publishes nothing', async () => {
    const spent = messages(1, {
      publishedAt: '2026-12-01T09:00:00.000Z',
      attempts: 3,
      lastAttemptAt: '2026-12-01T09:00:00.000Z',
    });
    const { republisher, publisher, overdue } = setup(spent);
    expect(await republisher.round()).toMatchObject({ published: 0, overdue: 1 });
    expect(overdue).toEqual(['id-0000']);
    expect(publisher.publishIfUp).not.toHaveBeenCalled();
  });

  it('moves the next look of messages that only wait or are settled in one commit per page', async () => {
    const waiting = messages(2, { publishedAt: '2026-12-01T09:59:59.900Z', lastAttemptAt: '2026-12-01T09:59:59.900Z' });
    const settled = messages(1, { id: 'id-9999', reportStatus: 'refused' });
    const { republisher, repository, publisher } = setup([...waiting, ...settled]);
    await republisher.round();
    expect(publisher.publishIfUp).not.toHaveBeenCalled();
    expect(repository.setNextChecks).toHaveBeenCalledTimes(1);
    expect(repository.setNextChecks).toHaveBeenCalledWith(manager, [
      { id: 'id-0000', nextCheckAt: '2026-12-01T10:00:00.900Z' },
      { id: 'id-0001', nextCheckAt: '2026-12-01T10:00:00.900Z' },
      { id: 'id-9999', nextCheckAt: null },
    ]);
  });

  it('runs a round at start and stops with the application', async () => {
    const { republisher, publisher, scheduler } = setup(messages(2));
    republisher.onApplicationBootstrap();
    expect(scheduler.getIntervals()).toEqual(['outbox-republish']);
    await republisher.onApplicationShutdown();
    expect(scheduler.getIntervals()).toEqual([]);
    expect(publisher.publishIfUp).toHaveBeenCalledTimes(2);
  });
});
