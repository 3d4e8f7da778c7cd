import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EnvelopePayload } from '@bureaunet/contracts';
import { HitEntity } from '../store/hit.entity';
import { HitRepository } from '../store/hit.repository';
import { NoticeRepository } from '../store/notice.repository';
import { HitArrivalRecorder } from './hit-arrival.recorder';
import { WorkflowRecorder } from './workflow.recorder';
import { nodeTestDataSource } from '../migrations/node.test-database';

const CHECK_ID = '019ad000-0000-7000-8000-000000000001';
const OTHER_CHECK_ID = '019ad000-0000-7000-8000-000000000002';
const CHECKED_AT = '2026-12-01T10:00:00.000Z';
const ANSWER_BY = '2026-12-01T10:10:00.000Z';
const INDEX = 'ab'.repeat(32);

const documentHit = { kind: 'document', index: INDEX, issuingCountry: 'DK', status: 'stolen', version: 3 } as const;
const notification = {
  checkId: CHECK_ID,
  hit: documentHit,
  checkedAt: CHECKED_AT,
  place: 'Nouadhibou port',
  answerBy: ANSWER_BY,
};

let sequence = 0;
function envelope(
  kind: 'hit-notification' | 'hit-confirmation',
  from: string,
  to: string,
  meta: EnvelopePayload['meta'],
): EnvelopePayload {
  sequence += 1;
  const id = `019ad000-0000-7000-8000-${String(sequence).padStart(12, '0')}`;
  return { v: 1, id, kind, from, to: [to], createdAt: CHECKED_AT, expiresAt: '2026-12-08T00:00:00.000Z', meta };
}

async function database(): Promise<DataSource> {
  return nodeTestDataSource('hit_arrival');
}

/** The recorder as a node runs it: one database per bureau, the step recorded in the message's transaction. */
function recorderAt(code: string, db: DataSource) {
  const recorder = new WorkflowRecorder(
    new NoticeRepository(),
    new HitArrivalRecorder(new HitRepository(db.getRepository(HitEntity)), { code }),
  );
  return (payload: EnvelopePayload, body: unknown, at: string) =>
    db.transaction((manager) => recorder.record(manager, payload, body, at));
}

describe('hit steps arriving (real SQLite)', () => {
  let owner: DataSource; // DK, whose record matched
  let checker: DataSource; // MR, where the check was made
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    owner = await database();
    checker = await database();
  });

  afterAll(async () => {
    await owner?.destroy();
    await checker?.destroy();
    jest.restoreAllMocks();
  });

  describe('at the owner’s node: the hit-notification', () => {
    const record = (payload: EnvelopePayload, body: unknown) =>
      recorderAt('DK', owner)(payload, body, '2026-12-01T10:00:01.000Z');
    const rows = () => owner.getRepository(HitEntity).find();

    it('keeps a received hit to answer, with the checker as counterpart', async () => {
      const payload = envelope('hit-notification', 'MR', 'DK', { recordOwner: 'DK', priority: 'immediate' });
      await record(payload, { ...notification, answerBy: '2026-12-01T10:10:00Z' });
      expect(await owner.getRepository(HitEntity).findOneBy({ id: payload.id })).toEqual({
        id: payload.id,
        direction: 'received',
        checkId: CHECK_ID,
        counterpart: 'MR',
        hit: documentHit,
        checkedAt: CHECKED_AT,
        place: 'Nouadhibou port',
        answerBy: ANSWER_BY, // in toISOString's form, whatever the sender wrote
        state: 'awaiting',
        answer: null,
        createdAt: '2026-12-01T10:00:01.000Z',
      });
    });

    it('ignores a notification not about this bureau’s record, or whose body does not fit', async () => {
      const before = (await rows()).length;
      warn.mockClear();
      await record(envelope('hit-notification', 'MR', 'DK', {}), notification);
      await record(envelope('hit-notification', 'MR', 'DK', { recordOwner: 'FR' }), notification);
      await record(envelope('hit-notification', 'MR', 'DK', { recordOwner: 'DK' }), {
        ...notification,
        hit: { ...documentHit, issuingCountry: 'FR' },
      });
      await record(envelope('hit-notification', 'MR', 'DK', { recordOwner: 'DK' }), {
        ...notification,
        query: { documentNumber: 'X1234567' },
      });
      expect(await rows()).toHaveLength(before);
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringMatching(/meta\.recordOwner is missing, not DK$/),
        expect.stringMatching(/meta\.recordOwner is FR, not DK$/),
        expect.stringMatching(/the document was issued by FR, not DK$/),
        expect.stringMatching(/has no workflow effect: .*query/),
      ]);
    });

    it('keeps a person hit too', async () => {
      const payload = envelope('hit-notification', 'MR', 'DK', { recordOwner: 'DK' });
      const personHit = { kind: 'person', reference: 'A-12/2026', score: 0.93, reasons: ['family-name:exact'] };
      await record(payload, { ...notification, hit: personHit });
      expect(await owner.getRepository(HitEntity).findOneBy({ id: payload.id })).toMatchObject({ hit: personHit });
    });
  });

  describe('at the checking node: the hit-confirmation', () => {
    const record = (payload: EnvelopePayload, body: unknown, at: string) =>
      recorderAt('MR', checker)(payload, body, at);
    const sentHit = async (id: string, overrides: Partial<HitEntity> = {}) => {
      await checker.getRepository(HitEntity).insert({
        id,
        direction: 'sent',
        checkId: CHECK_ID,
        counterpart: 'DK',
        hit: documentHit,
        checkedAt: CHECKED_AT,
        place: 'Nouadhibou port',
        answerBy: ANSWER_BY,
        state: 'awaiting',
        answer: null,
        createdAt: CHECKED_AT,
        ...overrides,
      });
    };
    const hit = (id: string) => checker.getRepository(HitEntity).findOneByOrFail({ id });
    const confirmation = { checkId: CHECK_ID, answer: 'confirmed' };

    it('answers the hit sent to its sender about the same check, and nothing else', async () => {
      const hitId = '019ad000-0000-7000-8000-0000000000a1';
      await sentHit(hitId);
      const in1min = '2026-12-01T10:01:00.000Z';
      await record(envelope('hit-confirmation', 'DK', 'MR', {}), confirmation, in1min);
      await record(envelope('hit-confirmation', 'FR', 'MR', { replyTo: hitId }), confirmation, in1min);
      await record(
        envelope('hit-confirmation', 'DK', 'MR', { replyTo: hitId }),
        { ...confirmation, checkId: OTHER_CHECK_ID },
        in1min,
      );
      await record(
        envelope('hit-confirmation', 'DK', 'MR', { replyTo: hitId }),
        { ...confirmation, answer: 'maybe' },
        in1min,
      );
      expect(await hit(hitId)).toMatchObject({ state: 'awaiting', answer: null });

      const answer = envelope('hit-confirmation', 'DK', 'MR', { replyTo: hitId });
      await record(
        answer,
        { ...confirmation, answer: 'corrected', status: 'recovered', note: 'found in 2025' },
        in1min,
      );
      expect(await hit(hitId)).toMatchObject({
        state: 'answered',
        answer: {
          answer: 'corrected',
          status: 'recovered',
          note: 'found in 2025',
          answeredAt: in1min,
          envelopeId: answer.id,
          late: false,
        },
      });
    });

    it('keeps the first answer: a second confirmation has no effect', async () => {
      const hitId = '019ad000-0000-7000-8000-0000000000a2';
      await sentHit(hitId);
      const first = envelope('hit-confirmation', 'DK', 'MR', { replyTo: hitId });
      await record(first, confirmation, '2026-12-01T10:02:00.000Z');
      await record(
        envelope('hit-confirmation', 'DK', 'MR', { replyTo: hitId }),
        { ...confirmation, answer: 'not-confirmed' },
        '2026-12-01T10:03:00.000Z',
      );
      expect((await hit(hitId)).answer).toMatchObject({ answer: 'confirmed', envelopeId: first.id });
    });

    it('records an answer after the deadline as late, also once the hit is marked overdue', async () => {
      const hitId = '019ad000-0000-7000-8000-0000000000a3';
      await sentHit(hitId, { state: 'overdue' });
      await record(
        envelope('hit-confirmation', 'DK', 'MR', { replyTo: hitId }),
        confirmation,
        '2026-12-01T10:25:00.000Z',
      );
      expect(await hit(hitId)).toMatchObject({
        state: 'answered',
        answer: { answer: 'confirmed', answeredAt: '2026-12-01T10:25:00.000Z', late: true },
      });
    });

    it('does not let a confirmation answer a hit this node received', async () => {
      const hitId = '019ad000-0000-7000-8000-0000000000a4';
      await sentHit(hitId, { direction: 'received' });
      await record(
        envelope('hit-confirmation', 'DK', 'MR', { replyTo: hitId }),
        confirmation,
        '2026-12-01T10:01:00.000Z',
      );
      expect(await hit(hitId)).toMatchObject({ state: 'awaiting', answer: null });
    });
  });
});
