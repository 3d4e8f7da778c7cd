import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HUB_CODE, type EnvelopePayload } from '@bureaunet/contracts';
import { DiffusionEntity } from '../store/diffusion.entity';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import { NoticeEntity } from '../store/notice.entity';
import { NoticeRepository } from '../store/notice.repository';
import { ReviewQueueIntake } from '../hub/review-queue.intake';
import { HitEntity } from '../store/hit.entity';
import { HitRepository } from '../store/hit.repository';
import { HitArrivalRecorder } from './hit-arrival.recorder';
import { WorkflowRecorder } from './workflow.recorder';
import { nodeTestDataSource } from '../migrations/node.test-database';

const AT = '2026-11-25T12:00:00.000Z';
const notice = {
  number: 'A-1/2026',
  type: 'red',
  owner: 'DK',
  subject: { familyName: 'Doe' },
  offence: 'fraud',
  expiry: '2030-01-01',
  revision: 1,
  publishedAt: AT,
  requestId: 'req-1',
};

function envelope(
  kind: EnvelopePayload['kind'],
  from: string,
  meta: EnvelopePayload['meta'] = {},
  id = `${kind}-${from}-${Math.random()}`,
): EnvelopePayload {
  return { v: 1, id, kind, from, to: ['MR'], createdAt: AT, expiresAt: '2026-12-01T00:00:00.000Z', meta };
}

describe('WorkflowRecorder (real SQLite)', () => {
  let dataSource: DataSource;
  // The hub's node mounts HubModule, whose review queue takes notice requests; a bureau's has none.
  const recorderFor = (code: string) =>
    new WorkflowRecorder(
      new NoticeRepository(),
      new HitArrivalRecorder(new HitRepository(dataSource.getRepository(HitEntity)), { code }),
      code === HUB_CODE ? new ReviewQueueIntake() : undefined,
    );
  const record = (code: string, payload: EnvelopePayload, body: unknown) =>
    dataSource.transaction((manager) => recorderFor(code).record(manager, payload, body, AT));

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    dataSource = await nodeTestDataSource('workflow');
    await dataSource.getRepository(NoticeRequestEntity).insert({
      id: 'req-1',
      direction: 'sent',
      requester: 'MR',
      body: {
        action: 'publish',
        notice: {
          type: 'red',
          subject: { familyName: 'Doe', givenNames: '', documentNumbers: [] },
          offence: 'fraud',
          expiry: '2030-01-01',
        },
      },
      restrictedTo: [],
      state: 'pending',
      noticeNumber: null,
      reason: null,
      receivedAt: AT,
      decidedAt: null,
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('ignores a notice not signed by the hub, or whose body does not fit', async () => {
    await record('MR', envelope('notice', 'DK'), notice);
    await record('MR', envelope('notice', 'XH'), { ...notice, type: 'pink' });
    expect(await dataSource.getRepository(NoticeEntity).count()).toBe(0);
  });

  it('activates a notice from the hub and marks the requester’s request approved', async () => {
    await record('MR', envelope('notice', 'XH', { noticeType: 'red' }, 'pub-1'), notice);
    expect(await dataSource.getRepository(NoticeEntity).findOneBy({ number: 'A-1/2026' })).toMatchObject({
      state: 'active',
      envelopeId: 'pub-1',
      familyName: 'Doe',
    });
    expect(await dataSource.getRepository(NoticeRequestEntity).findOneBy({ id: 'req-1' })).toMatchObject({
      state: 'approved',
      noticeNumber: 'A-1/2026',
    });
  });

  it('cancels only on the hub’s word', async () => {
    await record('MR', envelope('notice-cancel', 'DK'), { number: 'A-1/2026', reason: 'mine' });
    expect((await dataSource.getRepository(NoticeEntity).findOneByOrFail({ number: 'A-1/2026' })).state).toBe('active');
    await record('MR', envelope('notice-cancel', 'XH'), { number: 'A-1/2026', reason: 'arrested' });
    expect(await dataSource.getRepository(NoticeEntity).findOneByOrFail({ number: 'A-1/2026' })).toMatchObject({
      state: 'cancelled',
      cancelReason: 'arrested',
    });
  });

  it('queues notice requests on the hub only', async () => {
    const request = {
      action: 'publish',
      notice: { type: 'blue', subject: { familyName: 'Roe' }, offence: 'x', expiry: '2030-01-01' },
    };
    await record('MR', envelope('notice-request', 'DK', {}, 'req-at-mr'), request);
    await record('XH', envelope('notice-request', 'DK', { restrictedTo: ['IT'] }, 'req-at-xh'), request);
    expect(await dataSource.getRepository(NoticeRequestEntity).findOneBy({ id: 'req-at-mr' })).toBeNull();
    expect(await dataSource.getRepository(NoticeRequestEntity).findOneBy({ id: 'req-at-xh' })).toMatchObject({
      direction: 'received',
      state: 'pending',
      restrictedTo: ['IT'],
      requester: 'DK',
    });
  });

  it('withdraws a diffusion on the hub’s word only', async () => {
    await record('MR', envelope('diffusion', 'DK', {}, 'dif-1'), { title: 'Stolen passport', details: 'X1' });
    const note = { workflow: 'diffusion-withdrawal', diffusionId: 'dif-1', reason: 'no legal basis' };
    await record('MR', envelope('message', 'FR', { replyTo: 'dif-1' }), note);
    expect((await dataSource.getRepository(DiffusionEntity).findOneByOrFail({ id: 'dif-1' })).state).toBe('active');
    await record('MR', envelope('message', 'XH', { replyTo: 'dif-1' }), note);
    expect(await dataSource.getRepository(DiffusionEntity).findOneByOrFail({ id: 'dif-1' })).toMatchObject({
      state: 'withdrawn',
      withdrawReason: 'no legal basis',
    });
  });

  it('names the console events its effects call for, and none for what has no effect', async () => {
    const published = { ...notice, number: 'A-2/2026', requestId: undefined };
    expect(await record('MR', envelope('notice', 'XH', { noticeType: 'red' }, 'pub-2'), published)).toEqual([
      { name: 'notice', data: { number: 'A-2/2026', state: 'active' } },
    ]);
    expect(await record('MR', envelope('notice-cancel', 'XH'), { number: 'A-2/2026', reason: 'found' })).toEqual([
      { name: 'notice', data: { number: 'A-2/2026', state: 'cancelled' } },
    ]);
    expect(await record('MR', envelope('notice-cancel', 'XH'), { number: 'A-2/2026', reason: 'again' })).toEqual([]);
    expect(await record('MR', envelope('notice', 'DK'), published)).toEqual([]);

    const request = {
      action: 'publish',
      notice: { type: 'yellow', subject: { familyName: 'Poe' }, offence: 'x', expiry: '2030-01-01' },
    };
    expect(await record('XH', envelope('notice-request', 'DK', {}, 'req-2'), request)).toEqual([
      { name: 'review', data: { id: 'req-2', kind: 'notice-request' } },
    ]);
    expect(await record('MR', envelope('notice-request', 'DK', {}, 'req-3'), request)).toEqual([]);

    const diffusion = { title: 'Stolen car', details: 'AB-123' };
    expect(await record('XH', envelope('diffusion', 'DK', {}, 'dif-2'), diffusion)).toEqual([
      { name: 'review', data: { id: 'dif-2', kind: 'diffusion' } },
    ]);
    expect(await record('MR', envelope('diffusion', 'DK', {}, 'dif-3'), diffusion)).toEqual([]);

    const alert = { title: 'Convoy', details: 'north road' };
    expect(await record('MR', envelope('operation-alert', 'DK', { operationId: 'op-1' }, 'alert-1'), alert)).toEqual([
      { name: 'alert', data: { operationId: 'op-1', alertId: 'alert-1' } },
    ]);
  });
});
