import { DataSource } from 'typeorm';
import type { NoticeBody } from '@bureaunet/contracts';
import { nodeTestDataSource } from '../migrations/node.test-database';
import { NoticeEntity } from '../store/notice.entity';
import { noticeRow } from '../store/notice.rows';
import { NoticeRepository } from '../store/notice.repository';
import type { NoticeSearchDto } from './notice-search.dto';
import { buildNoticeQuery } from './notice-search.service';

const TODAY = '2026-11-25';

function body(
  number: string,
  overrides: Partial<NoticeBody> & {
    familyName?: string;
    givenNames?: string;
    documentNumbers?: string[];
    dateOfBirth?: string;
  } = {},
): NoticeBody {
  const { familyName = 'Doe', givenNames = 'John', documentNumbers = [], dateOfBirth, ...rest } = overrides;
  return {
    number,
    type: 'red',
    owner: 'DK',
    subject: { familyName, givenNames, documentNumbers, ...(dateOfBirth ? { dateOfBirth } : {}) },
    offence: 'fraud',
    expiry: '2030-01-01',
    revision: 1,
    publishedAt: `2026-11-${number.slice(2, 4)}T10:00:00.000Z`,
    ...rest,
  };
}

describe('notice store and search (real SQLite, or PostgreSQL)', () => {
  let dataSource: DataSource;
  const store = new NoticeRepository();
  const row = (notice: NoticeBody) =>
    noticeRow(notice, {
      envelopeId: `e-${notice.number}`,
      restrictedTo: [],
      recipients: [],
      at: '2026-11-25T12:00:00.000Z',
    });
  const put = (notice: NoticeBody) => dataSource.transaction((manager) => store.put(manager, row(notice)));
  const find = async (query: NoticeSearchDto) =>
    (
      await buildNoticeQuery(
        dataSource.getRepository(NoticeEntity).createQueryBuilder('notice'),
        query,
        TODAY,
      ).getMany()
    ).map((row) => row.number);

  beforeAll(async () => {
    dataSource = await nodeTestDataSource('notice_search');
    await put(
      body('A-10/2026', {
        familyName: 'Müller',
        givenNames: 'Jörg',
        documentNumbers: ['C01-X00 T47'],
        dateOfBirth: '1979-03-14',
      }),
    );
    await put(body('A-11/2026', { familyName: 'Mullens', givenNames: 'Anna', type: 'yellow' }));
    await put(body('A-12/2026', { familyName: 'Dupont-Lefèvre', givenNames: 'Élodie', expiry: '2026-01-01' }));
    await put(body('A-13/2026', { familyName: 'García', givenNames: 'José María' }));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('finds names whatever the accents and case, by word prefixes, newest first', async () => {
    expect(await find({ name: 'MULLER' })).toEqual(['A-10/2026']);
    expect(await find({ name: 'mul' })).toEqual(['A-11/2026', 'A-10/2026']);
    expect(await find({ name: 'mul jo' })).toEqual(['A-10/2026']);
    expect(await find({ name: 'lefevre elo' })).toEqual(['A-12/2026']);
    expect(await find({ name: 'maria garcia' })).toEqual(['A-13/2026']);
    expect(await find({ name: 'ller' })).toEqual([]);
    expect(await find({ name: 'mueller' })).toEqual([]);
  });

  it('finds by document number, date of birth, type', async () => {
    expect(await find({ document: 'c01x00t47' })).toEqual(['A-10/2026']);
    expect(await find({ dateOfBirth: '1979-03-14' })).toEqual(['A-10/2026']);
    expect(await find({ type: 'yellow' })).toEqual(['A-11/2026']);
    expect(await find({ name: 'mul', type: 'yellow', state: 'active' })).toEqual(['A-11/2026']);
    expect(await find({ name: 'mul', type: 'red', state: 'lapsed' })).toEqual([]);
  });

  it('tells active, lapsed and cancelled apart; a cancelled notice stays cancelled under a later revision', async () => {
    expect(await find({ state: 'lapsed' })).toEqual(['A-12/2026']);
    await dataSource.transaction((manager) =>
      store.cancel(manager, 'A-13/2026', 'arrested', '2026-11-25T13:00:00.000Z'),
    );
    expect(
      await dataSource.transaction((manager) =>
        store.cancel(manager, 'A-13/2026', 'again', '2026-11-25T14:00:00.000Z'),
      ),
    ).toBe(false);
    expect(await find({ state: 'cancelled' })).toEqual(['A-13/2026']);
    expect(await find({ state: 'active' })).toEqual(['A-11/2026', 'A-10/2026']);
    expect(await put(body('A-13/2026', { familyName: 'Garcia Lopez', revision: 2 }))).toBe(true);
    expect(await find({ state: 'cancelled', name: 'lopez' })).toEqual(['A-13/2026']);
  });

  it('keeps the newest revision and re-indexes its name', async () => {
    expect(await put(body('A-11/2026', { familyName: 'Smith', revision: 3 }))).toBe(true);
    expect(await put(body('A-11/2026', { familyName: 'Mullens', revision: 2 }))).toBe(false);
    expect(await find({ name: 'smith' })).toEqual(['A-11/2026']);
    expect(await find({ name: 'mullens' })).toEqual([]);
  });

  it('orders name matches by the publishedAt of the newest revision, with or without other criteria', async () => {
    await put(body('A-18/2026', { familyName: 'Ordering' }));
    await put(body('A-19/2026', { familyName: 'Ordering' }));
    expect(await find({ name: 'ordering' })).toEqual(['A-19/2026', 'A-18/2026']);
    await put(body('A-18/2026', { familyName: 'Ordering', revision: 2, publishedAt: '2026-11-20T10:00:00.000Z' }));
    expect(await find({ name: 'ordering' })).toEqual(['A-18/2026', 'A-19/2026']);
    expect(await find({ name: 'ordering', type: 'red', limit: 1 })).toEqual(['A-18/2026']);
    expect(await find({ name: 'ordering', limit: 1 })).toEqual(['A-18/2026']);
  });

  it('takes the words of a name as words only: quotes, stars, colons and FTS5 operators are no syntax', async () => {
    await put(body('A-14/2026', { familyName: 'O"Neil*', givenNames: 'Near Or' }));
    await put(body('A-15/2026', { familyName: 'Col:On', givenNames: 'ﬁlip' }));
    await put(body('A-16/2026', { familyName: 'Not-And', givenNames: '(x)' }));
    expect(await find({ name: 'o"neil*' })).toEqual(['A-14/2026']);
    expect(await find({ name: 'or near' })).toEqual(['A-14/2026']);
    expect(await find({ name: 'NOT and x*' })).toEqual(['A-16/2026']);
    expect(await find({ name: 'col:on' })).toEqual(['A-15/2026']);
    expect(await find({ name: 'filip' })).toEqual(['A-15/2026']);
    // As syntax these would widen the search (OR, a column filter) or fail to parse.
    expect(await find({ name: 'neil" OR "muller' })).toEqual([]);
    expect(await find({ name: 'name:col' })).toEqual([]);
    expect(await find({ name: '"ro"* OR NEAR(x' })).toEqual([]);
    expect(await find({ name: '^mul' })).toEqual(['A-10/2026']);
  });

  it('indexes a name in the transaction of its notice: a rollback leaves neither', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await store.put(manager, row(body('A-17/2026', { familyName: 'Rollback' })));
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    expect(await find({ name: 'rollback' })).toEqual([]);
    expect(await dataSource.query(`SELECT id FROM notice_name_key WHERE number = 'A-17/2026'`)).toEqual([]);
    const nameRows =
      dataSource.options.type === 'postgres'
        ? `SELECT id FROM notice_name WHERE words @@ 'rollback:*'::tsquery`
        : `SELECT rowid FROM notice_name WHERE notice_name MATCH 'rollback'`;
    expect(await dataSource.query(nameRows)).toEqual([]);
  });

  it('refuses a name that holds no letter or digit', async () => {
    for (const name of ['-', '"*"', ' : ( ) ^ + '])
      await expect(find({ name })).rejects.toMatchObject({
        code: 'invalid-query',
        message: 'name: holds no letter or digit',
      });
  });
});
