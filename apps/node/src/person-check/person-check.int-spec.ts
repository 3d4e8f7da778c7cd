import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NoticeBody, NoticeType } from '@bureaunet/contracts';
import { SerialWriter } from '@bureaunet/persistence';
import type { Clock } from '@bureaunet/platform';
import { waitFor } from '@bureaunet/testing';
import type { HitProcedure, HitToNotify } from '../hit/hit.procedure';
import { EnvelopeIdGenerator } from '../id/envelope-id.generator';
import { CheckLogEntity } from '../store/check-log.entity';
import { DiffusionEntity } from '../store/diffusion.entity';
import { NoticeEntity } from '../store/notice.entity';
import { NoticeRepository } from '../store/notice.repository';
import { noticeRow } from '../store/notice.rows';
import { PERSON_SOURCE_CHANGE_WINDOW, PersonSourceChangeEntity } from '../store/person-source-change.entity';
import { PersonCheckService } from './person-check.service';
import { PersonSourceReader } from './person-source.reader';
import { SoughtPersonIndex } from './sought-person.index';
import { nodeTestDataSource } from '../migrations/node.test-database';

const AT = '2026-11-25T12:00:00.000Z';

function body(
  number: string,
  familyName: string,
  more: Partial<NoticeBody['subject']> & { type?: NoticeType; owner?: string; expiry?: string; revision?: number } = {},
): NoticeBody {
  const { type = 'red', owner = 'DK', expiry = '2030-01-01', revision = 1, ...subject } = more;
  return {
    number,
    type,
    owner,
    subject: { familyName, givenNames: '', documentNumbers: [], ...subject },
    offence: 'fraud',
    expiry,
    revision,
    publishedAt: AT,
  };
}

describe('person checks over the node store (real SQLite, or PostgreSQL)', () => {
  let dataSource: DataSource;
  let now = new Date(AT);
  const clock: Clock = { now: () => now };
  const store = new NoticeRepository();
  const row = (notice: NoticeBody) =>
    noticeRow(notice, { envelopeId: `e-${notice.number}`, restrictedTo: [], recipients: [], at: AT });
  const publish = (notice: NoticeBody) => dataSource.transaction((manager) => store.put(manager, row(notice)));
  const cancel = (number: string) => dataSource.transaction((manager) => store.cancel(manager, number, 'arrested', AT));
  const receiveDiffusion = (id: string, subject?: DiffusionEntity['body']['subject']) =>
    dataSource.getRepository(DiffusionEntity).insert({
      id,
      direction: 'received',
      from: 'FR',
      recipients: ['MR'],
      body: { title: 'Wanted', details: 'robbery', documentNumbers: [], ...(subject && { subject }) },
      state: 'active',
      receivedAt: AT,
      withdrawnAt: null,
      withdrawReason: null,
    });
  const reader = () =>
    new PersonSourceReader(
      dataSource.getRepository(NoticeEntity),
      dataSource.getRepository(DiffusionEntity),
      dataSource.getRepository(PersonSourceChangeEntity),
    );
  const found = async (index: SoughtPersonIndex, familyName: string) =>
    (await index.current()).search({ familyName }).map((match) => match.id);

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    dataSource = await nodeTestDataSource('person_check');
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('logs every insert, update and delete of a notice or diffusion through triggers, keeping a bounded window', async () => {
    const triggers: Array<{ name: string }> = await dataSource.query(
      dataSource.options.type === 'postgres'
        ? `SELECT tgname AS name FROM pg_trigger WHERE tgname LIKE 'person_source_%' ORDER BY tgname`
        : `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'person_source_%' ORDER BY name`,
    );
    expect(triggers.map((trigger) => trigger.name)).toEqual([
      'person_source_diffusion_delete',
      'person_source_diffusion_insert',
      'person_source_diffusion_update',
      'person_source_notice_delete',
      'person_source_notice_insert',
      'person_source_notice_update',
    ]);
    const log = dataSource.getRepository(PersonSourceChangeEntity);
    const before = await reader().latestChange();
    await publish(body('T-1/2026', 'Trigger'));
    await cancel('T-1/2026');
    await receiveDiffusion('t-d1');
    await dataSource.getRepository(DiffusionEntity).delete({ id: 't-d1' });
    expect(await reader().changesFrom(before + 1, 100)).toEqual([
      { seq: before + 1, source: 'notice', reference: 'T-1/2026' },
      { seq: before + 2, source: 'notice', reference: 'T-1/2026' },
      { seq: before + 3, source: 'diffusion', reference: 't-d1' },
      { seq: before + 4, source: 'diffusion', reference: 't-d1' },
    ]);
    // A rolled-back change leaves no line.
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.update(NoticeEntity, { number: 'T-1/2026' }, { offence: 'x' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await reader().changesFrom(before + 1, 100)).toHaveLength(4);

    // PostgreSQL's sequence does not give back the number the rolled-back line took: the lines after
    // it are counted from the first of them.
    await dataSource.transaction(async (manager) => {
      for (let at = 0; at < PERSON_SOURCE_CHANGE_WINDOW + 50; at++)
        await manager.update(NoticeEntity, { number: 'T-1/2026' }, { offence: `x${at}` });
    });
    expect(await log.count()).toBe(PERSON_SOURCE_CHANGE_WINDOW);
    const [oldest] = await log.find({ order: { seq: 'ASC' }, take: 1 });
    const newest = await reader().latestChange();
    expect(newest - oldest.seq + 1).toBe(PERSON_SOURCE_CHANGE_WINDOW);
    expect(newest).toBeGreaterThanOrEqual(before + 4 + PERSON_SOURCE_CHANGE_WINDOW + 50);
  });

  it('keeps the index current: a notice published after the build is found, a cancelled or renamed one is not', async () => {
    await publish(body('A-1/2026', 'Müller', { givenNames: 'Jörg', dateOfBirth: '1979-03-14' }));
    await publish(body('A-2/2026', 'Petrov', { type: 'yellow' }));
    await publish(body('A-3/2026', 'Smith', { type: 'green' }));
    const index = new SoughtPersonIndex(reader(), clock);
    expect(await found(index, 'Mueller')).toEqual(['notice:A-1/2026']);
    expect(await found(index, 'Петров')).toEqual(['notice:A-2/2026']);
    expect(await found(index, 'Smith')).toEqual([]); // green: not a sought person

    await publish(body('A-4/2026', 'Muhammad', { givenNames: 'Ali' }));
    expect(await found(index, 'Mohamed')).toEqual(['notice:A-4/2026']);

    await cancel('A-1/2026');
    expect(await found(index, 'Mueller')).toEqual([]);

    await publish(body('A-2/2026', 'Ivanova', { type: 'yellow', revision: 2 }));
    expect(await found(index, 'Petrov')).toEqual([]);
    expect(await found(index, 'Ivanova')).toEqual(['notice:A-2/2026']);

    await receiveDiffusion('d-1', { familyName: 'Kowalski', givenNames: 'Jan', documentNumbers: [] });
    await receiveDiffusion('d-2'); // no subject: nobody to match
    expect(await found(index, 'Kowalsky')).toEqual(['diffusion:d-1']);
    await dataSource
      .getRepository(DiffusionEntity)
      .update({ id: 'd-1' }, { state: 'withdrawn', withdrawnAt: AT, withdrawReason: 'error' });
    expect(await found(index, 'Kowalski')).toEqual([]);
  });

  it('rebuilds when the change log has moved past what it applied, and in the background after many patches', async () => {
    const index = new SoughtPersonIndex(reader(), clock, { batch: 5, rebuildAfter: 3 });
    expect(await found(index, 'Muhammad')).toEqual(['notice:A-4/2026']);
    await dataSource.transaction(async (manager) => {
      for (let at = 0; at < PERSON_SOURCE_CHANGE_WINDOW + 10; at++)
        await manager.update(NoticeEntity, { number: 'A-3/2026' }, { offence: `y${at}` });
    });
    await publish(body('B-1/2026', 'Nakamura'));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    expect(await found(index, 'Nakamura')).toEqual(['notice:B-1/2026']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/changes behind the change log: rebuilding/));

    const log = jest.spyOn(Logger.prototype, 'log');
    log.mockClear();
    for (let at = 2; at <= 6; at++) await publish(body(`B-${at}/2026`, 'Tanaka'));
    expect(await found(index, 'Tanaka')).toHaveLength(5);
    await waitFor(() => log.mock.calls.some(([line]) => /^person index: \d+ sought persons/.test(String(line))), {
      what: 'a background rebuild',
    });
    await cancel('B-2/2026');
    expect(await found(index, 'Tanaka')).toHaveLength(4);
  });

  describe('PersonCheckService', () => {
    const notified: HitToNotify[] = [];
    let failFor: string | undefined;
    // The hit procedure is another change's: here, only what the check hands it and how it answers.
    const hits: Pick<HitProcedure, 'notify'> = {
      notify: (hit: HitToNotify) => {
        if (hit.owner === failFor) return Promise.reject(new Error('the bus is down'));
        notified.push(hit);
        return Promise.resolve({ hitId: `hit-${hit.owner}`, answerBy: '2026-11-25T12:10:00.000Z' });
      },
    };
    let service: PersonCheckService;
    const logLine = (id: string) => dataSource.getRepository(CheckLogEntity).findOneByOrFail({ id });

    beforeAll(async () => {
      await publish(body('C-1/2026', 'Okonkwo', { givenNames: 'Chidi', dateOfBirth: '1981-04-12', owner: 'DK' }));
      await publish(body('C-2/2026', 'Okonkwo', { givenNames: 'Chidy', owner: 'IT', type: 'blue' }));
      await publish(body('C-3/2026', 'Okonkwo', { givenNames: 'Emeka', dateOfBirth: '1981-12-04', owner: 'MR' }));
      await publish(body('C-4/2026', 'Okonkwo', { owner: 'DK', expiry: '2026-11-30' }));
      service = new PersonCheckService(
        new SoughtPersonIndex(reader(), clock),
        reader(),
        hits as HitProcedure,
        new SerialWriter(dataSource),
        new EnvelopeIdGenerator(clock),
        { code: 'MR' },
        clock,
      );
    });

    it('answers the ranked matches with reasons, notifies each owner once for its best, and logs without the query', async () => {
      const answer = await service.check(
        { familyName: 'OKONKWO', givenNames: 'Chidi', dateOfBirth: '1981-12-04', place: 'Nouadhibou port' },
        'border-officer',
      );
      expect(answer).toMatchObject({ outcome: 'hit', checkedAt: AT });
      expect(answer.checkId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(answer.matches.map((match) => [match.reference, match.owner])).toEqual([
        ['C-1/2026', 'DK'],
        ['C-2/2026', 'IT'],
        ['C-3/2026', 'MR'],
        ['C-4/2026', 'DK'],
      ]);
      expect(answer.matches.map((match) => match.score)).toEqual([1, 0.98, 0.8, 0.8]);
      expect(answer.matches[0]).toMatchObject({
        source: 'notice',
        noticeType: 'red',
        reasons: ['family-name:exact', 'given-names:exact', 'dob:day-month-swapped'],
        subject: { familyName: 'Okonkwo', givenNames: 'Chidi', dateOfBirth: '1981-04-12', nationality: null },
        notification: 'sent',
        hitId: 'hit-DK',
        answerBy: '2026-11-25T12:10:00.000Z',
      });
      expect(answer.matches[1]).toMatchObject({ notification: 'sent', hitId: 'hit-IT' });
      expect(answer.matches[1].reasons).toEqual([
        'family-name:exact',
        'given-names:variant',
        'given-names:phonetic',
        'given-names:one-typo',
      ]);
      expect(answer.matches[2]).toMatchObject({ notification: 'own-record' });
      expect(answer.matches[2].hitId).toBeUndefined();
      expect(answer.matches[3].notification).toBeUndefined(); // DK's second: DK is told once
      expect(notified.map((hit) => [hit.owner, hit.hit])).toEqual([
        [
          'DK',
          { kind: 'person', reference: 'C-1/2026', score: answer.matches[0].score, reasons: answer.matches[0].reasons },
        ],
        ['IT', expect.objectContaining({ kind: 'person', reference: 'C-2/2026' })],
      ]);
      expect(notified[0]).toMatchObject({ checkId: answer.checkId, checkedAt: AT, place: 'Nouadhibou port' });

      const line = await logLine(answer.checkId);
      expect(line).toEqual({
        id: answer.checkId,
        kind: 'person',
        checkedAt: AT,
        actor: 'border-officer',
        place: 'Nouadhibou port',
        outcome: 'hit',
        issuingCountry: null,
        matched: answer.matches.map(({ source, reference, score, hitId }) => ({
          source,
          reference,
          score,
          ...(hitId && { hitId }),
        })),
        hitId: 'hit-DK',
      });
      expect(JSON.stringify(line)).not.toMatch(/okonkwo|chidi|1981/i);
    });

    it('still answers a hit whose notification failed, and drops what lapsed since the index saw it', async () => {
      failFor = 'DK';
      now = new Date('2026-12-01T08:00:00.000Z'); // C-4 lapsed on 2026-11-30
      const answer = await service.check({ familyName: 'Okonkwo' }, 'officer');
      expect(answer.matches.map((match) => match.reference)).toEqual(['C-1/2026', 'C-2/2026', 'C-3/2026']);
      const dk = answer.matches.find((match) => match.owner === 'DK');
      expect(dk).toMatchObject({ reference: 'C-1/2026', notification: 'failed', hitId: null, answerBy: null });
      expect(notified.at(-1)?.place).toBe('not stated');
      expect(await logLine(answer.checkId)).toMatchObject({ actor: 'officer', place: null, outcome: 'hit' });
      failFor = undefined;
    });

    it('logs a no-hit with nothing matched, and refuses a name with no letter', async () => {
      const answer = await service.check({ familyName: 'Zyxwvut', dateOfBirth: '1990-01-01' }, 'border-officer');
      expect(answer).toMatchObject({ outcome: 'no-hit', matches: [] });
      expect(await logLine(answer.checkId)).toMatchObject({ outcome: 'no-hit', matched: null, hitId: null });
      await expect(service.check({ familyName: '1234' }, 'border-officer')).rejects.toMatchObject({
        code: 'name-empty',
        kind: 'invalid',
      });
    });
  });
});
