import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { EnvelopePayload } from '@bureaunet/contracts';
import { ActivityRowEntity } from '@bureaunet/activity/server';
import { parseActivityEntry } from '@bureaunet/activity';
import { SerialWriter } from '@bureaunet/persistence';
import type { ConsoleEvent } from '../console-events/console-event';
import { ConsoleEventBus } from '../console-events/console-event.bus';
import { DEFAULT_REQUEST_DEADLINES } from '../node.config';
import { HitEntity } from '../store/hit.entity';
import { HitRepository } from '../store/hit.repository';
import { NoticeRepository } from '../store/notice.repository';
import { HitArrivalRecorder } from '../workflow/hit-arrival.recorder';
import { WorkflowRecorder } from '../workflow/workflow.recorder';
import { recordRequestAnswer } from './request-answer';
import { RequestEscalationSweep } from './request-escalation.sweep';
import { RequestService } from './request.service';
import { RequestTracker } from './request.tracker';
import { TrackedRequestEntity } from './tracked-request.entity';
import { nodeTestDataSource } from '../migrations/node.test-database';

const SENT_AT = '2026-12-01T08:00:00.000Z';
// An urgent request is due 3 days after it was sent.
const DUE_AT = '2026-12-04T08:00:00.000Z';

function request(id: string, meta: EnvelopePayload['meta']): EnvelopePayload {
  return {
    v: 1,
    id,
    kind: 'request',
    from: 'FR',
    to: ['MR'],
    createdAt: SENT_AT,
    expiresAt: '2026-12-08T08:00:00.000Z',
    meta,
  };
}

describe('request deadlines and their escalation (real SQLite, simulated clock)', () => {
  let db: DataSource;
  let writer: SerialWriter;
  let now = new Date('2026-12-01T08:00:05.000Z');
  const clock = { now: () => now };
  const events: ConsoleEvent[] = [];
  const bus = new ConsoleEventBus();
  bus.stream().subscribe((event) => events.push(event));

  const receive = (payload: EnvelopePayload) =>
    writer.transaction((manager) =>
      new WorkflowRecorder(
        new NoticeRepository(),
        new HitArrivalRecorder(new HitRepository(db.getRepository(HitEntity)), { code: 'MR' }),
        undefined,
        undefined,
        new RequestTracker({ requests: DEFAULT_REQUEST_DEADLINES }),
      ).record(manager, payload, { text: 'where is he?' }, now.toISOString()),
    );
  const answer = (id: string, replyTo: string) =>
    writer.transaction((manager) =>
      recordRequestAnswer(manager, { id, kind: 'message', meta: { replyTo } }, now.toISOString()),
    );
  const sweeper = () =>
    new RequestEscalationSweep(writer, { requests: DEFAULT_REQUEST_DEADLINES }, clock, new SchedulerRegistry(), bus);
  const list = (state: 'open' | 'overdue' | 'answered' | 'escalated') =>
    new RequestService(db.getRepository(TrackedRequestEntity), clock).list({ state });
  const escalations = async () =>
    (await db.getRepository(ActivityRowEntity).find({ order: { leafIndex: 'ASC' } }))
      .map((row) => parseActivityEntry(JSON.parse(row.leafInput)))
      .filter((entry) => entry.action === 'request.escalate');

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    db = await nodeTestDataSource('request_escalation');
    writer = new SerialWriter(db);
  });

  afterAll(async () => {
    await db?.destroy();
    jest.restoreAllMocks();
  });

  it('tracks a received request with the dueAt its sender set, and one without from its priority', async () => {
    await receive(request('req-due', { priority: 'urgent', dueAt: DUE_AT }));
    await receive(request('req-answered', { priority: 'urgent', dueAt: DUE_AT }));
    // An older sender gave no dueAt: held to this node's bound for an urgent request (3 days).
    await receive(request('req-no-due', { priority: 'urgent' }));

    expect(await list('open')).toEqual([
      expect.objectContaining({ id: 'req-answered', from: 'FR', kind: 'request', state: 'open', dueAt: DUE_AT }),
      expect.objectContaining({ id: 'req-due', state: 'open', dueAt: DUE_AT, escalatedAt: null }),
      expect.objectContaining({ id: 'req-no-due', state: 'open', dueAt: DUE_AT }),
    ]);
  });

  it('marks a request answered by the first reply sent from here, and escalates nothing before its due time', async () => {
    await answer('reply-1', 'req-answered');
    await answer('reply-2', 'req-answered');
    expect(await list('answered')).toEqual([
      expect.objectContaining({ id: 'req-answered', state: 'answered', answerId: 'reply-1' }),
    ]);

    now = new Date('2026-12-04T07:59:59.000Z');
    expect(await sweeper().sweep()).toEqual([]);
    expect(await list('overdue')).toEqual([]);
  });

  it('escalates each unanswered request once its due time passes, exactly once, attributed to the system', async () => {
    now = new Date('2026-12-04T08:00:01.000Z');
    expect(await list('overdue')).toHaveLength(2);

    const first = await sweeper().sweep();
    expect(first.map((row) => row.id).sort()).toEqual(['req-due', 'req-no-due']);
    // Again, and from another instance (a restarted node): nothing more.
    now = new Date('2026-12-05T08:00:00.000Z');
    expect(await sweeper().sweep()).toEqual([]);
    expect(await sweeper().sweep()).toEqual([]);

    expect((await escalations()).map((entry) => [entry.target, entry.actor, entry.role, entry.outcome])).toEqual(
      expect.arrayContaining([
        ['req-due', 'role:system', 'system', 'done'],
        ['req-no-due', 'role:system', 'system', 'done'],
      ]),
    );
    expect(await escalations()).toHaveLength(2);
    // One event for the batch, naming both: reviewers' consoles are told once, not once per request.
    const told = events.filter((event) => event.name === 'escalation');
    expect(told).toHaveLength(1);
    expect(told[0].data).toEqual({
      requests: expect.arrayContaining([
        { id: 'req-due', from: 'FR', dueAt: DUE_AT },
        { id: 'req-no-due', from: 'FR', dueAt: DUE_AT },
      ]) as unknown,
    });
    expect((await list('escalated')).map((row) => [row.id, row.state, row.escalatedAt])).toEqual([
      ['req-due', 'overdue', '2026-12-04T08:00:01.000Z'],
      ['req-no-due', 'overdue', '2026-12-04T08:00:01.000Z'],
    ]);
  });

  it('never escalates the request answered before its due time', async () => {
    expect((await escalations()).some((entry) => entry.target === 'req-answered')).toBe(false);
    expect(await db.getRepository(TrackedRequestEntity).findOneByOrFail({ id: 'req-answered' })).toMatchObject({
      escalatedAt: null,
    });
  });

  it('takes an escalated request off the escalated list once it is answered late', async () => {
    await answer('reply-late', 'req-due');
    expect((await list('escalated')).map((row) => row.id)).toEqual(['req-no-due']);
    expect((await list('answered')).map((row) => row.id).sort()).toEqual(['req-answered', 'req-due']);
  });
});
