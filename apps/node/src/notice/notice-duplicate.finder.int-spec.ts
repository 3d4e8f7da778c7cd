import { DataSource } from 'typeorm';
import type { NoticeBody, NoticeRequestBody, NoticeType } from '@bureaunet/contracts';
import type { Clock } from '@bureaunet/platform';
import { PersonSourceReader } from '../person-check/person-source.reader';
import { SoughtPersonIndex } from '../person-check/sought-person.index';
import { DiffusionEntity } from '../store/diffusion.entity';
import { nodeTestDataSource } from '../migrations/node.test-database';
import { NoticeRequestEntity } from '../store/notice-request.entity';
import { NoticeEntity } from '../store/notice.entity';
import { NoticeRepository } from '../store/notice.repository';
import { noticeRow } from '../store/notice.rows';
import { PersonSourceChangeEntity } from '../store/person-source-change.entity';
import { NoticeDuplicateFinder } from './notice-duplicate.finder';

const AT = '2026-11-25T12:00:00.000Z';
const clock: Clock = { now: () => new Date(AT) };

type Subject = Partial<NoticeBody['subject']>;

function notice(number: string, familyName: string, more: Subject & { type?: NoticeType } = {}): NoticeBody {
  const { type = 'red', ...subject } = more;
  return {
    number,
    type,
    owner: 'DK',
    subject: { familyName, givenNames: '', documentNumbers: [], ...subject },
    offence: 'fraud',
    expiry: '2030-01-01',
    revision: 1,
    publishedAt: AT,
  };
}

/** The reviewer's possible duplicates, over the hub's real store and person index. */
describe('NoticeDuplicateFinder (real SQLite)', () => {
  let dataSource: DataSource;
  let finder: NoticeDuplicateFinder;
  const store = new NoticeRepository();

  const publish = (body: NoticeBody) =>
    dataSource.transaction((manager) =>
      store.put(manager, noticeRow(body, { envelopeId: `e-${body.number}`, restrictedTo: [], recipients: [], at: AT })),
    );
  const receive = (id: string, body: NoticeRequestBody) =>
    dataSource.getRepository(NoticeRequestEntity).insert({
      id,
      direction: 'received',
      requester: 'FR',
      body,
      restrictedTo: [],
      state: 'pending',
      noticeNumber: null,
      reason: null,
      receivedAt: AT,
      decidedAt: null,
    });
  const requestFor = (subject: NoticeBody['subject'], type: NoticeType = 'red'): NoticeRequestBody => ({
    action: 'publish',
    notice: { type, subject, offence: 'robbery', expiry: '2031-01-01' },
  });
  const numbers = async (id: string) => (await finder.find(id)).map((match) => match.notice.number);

  beforeAll(async () => {
    dataSource = await nodeTestDataSource('notice_duplicate');
    const reader = new PersonSourceReader(
      dataSource.getRepository(NoticeEntity),
      dataSource.getRepository(DiffusionEntity),
      dataSource.getRepository(PersonSourceChangeEntity),
    );
    finder = new NoticeDuplicateFinder(
      dataSource.getRepository(NoticeRequestEntity),
      dataSource.getRepository(NoticeEntity),
      new SoughtPersonIndex(reader, clock),
      clock,
    );
    await publish(notice('A-1/2026', 'Müller', { givenNames: 'Jürgen', dateOfBirth: '1975-03-02' }));
    await publish(notice('A-2/2026', 'Mueller', { givenNames: 'Juergen' }));
    await publish(notice('A-3/2026', 'Smith', { documentNumbers: ['X-1234567'] }));
    await publish(notice('A-4/2026', 'Muller', { givenNames: 'Anna', dateOfBirth: '1990-01-01', type: 'green' }));
    await publish(notice('A-5/2026', 'Okafor'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('finds the notices about the same person, spelt otherwise, best first, with the reasons', async () => {
    await receive(
      'req-1',
      requestFor({ familyName: 'MULLER', givenNames: 'Jurgen', dateOfBirth: '1975-03-02', documentNumbers: [] }),
    );
    const found = await finder.find('req-1');
    expect(found.map((match) => match.notice.number)).toEqual(['A-1/2026', 'A-2/2026']);
    expect(found[0]).toMatchObject({
      notice: { number: 'A-1/2026', owner: 'DK', state: 'active', subject: { familyName: 'Müller' } },
      reasons: expect.arrayContaining(['dob:exact']),
    });
    expect(found[0].score).toBeGreaterThan(found[1].score);
  });

  it('finds a notice of another type or state, and one that shares only a document number', async () => {
    await receive('req-2', requestFor({ familyName: 'Muller', givenNames: 'Anna', documentNumbers: [] }, 'yellow'));
    expect(await numbers('req-2')).toContain('A-4/2026');
    await receive('req-3', requestFor({ familyName: 'Smyth', givenNames: '', documentNumbers: ['x1234567'] }));
    expect(await numbers('req-3')).toEqual(['A-3/2026']);
  });

  it('finds nothing for another person or for a cancellation request; refuses an unknown request', async () => {
    await receive('req-4', requestFor({ familyName: 'Nakamura', givenNames: 'Ken', documentNumbers: [] }));
    expect(await numbers('req-4')).toEqual([]);
    await receive('req-5', { action: 'cancel', number: 'A-5/2026', reason: 'found' });
    expect(await numbers('req-5')).toEqual([]);
    await expect(finder.find('nope')).rejects.toMatchObject({ code: 'request-not-found' });
  });
});
