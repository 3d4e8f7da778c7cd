import { DataSource } from 'typeorm';
import { SerialWriter, dataSourceOptions } from '@bureaunet/persistence';
import { startPostgres, waitFor, type RunningPostgres } from '@bureaunet/testing';
import { NODE_MIGRATIONS } from '../migrations';
import { NODE_POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { NODE_ENTITIES } from './node.entities';
import { nextNoticeSequence } from './notice-number.counter';
import { nodeTestDataSource } from '../migrations/node.test-database';

const YEAR = 2026;

/** `count` publications at once through `writer`; those listed in `failing` fail after taking their number. */
function publishAtOnce(writer: SerialWriter, count: number, failing: ReadonlySet<number> = new Set()) {
  return Promise.allSettled(
    Array.from({ length: count }, (_, index) =>
      writer.transaction(async (manager) => {
        const sequence = await nextNoticeSequence(manager, YEAR);
        if (failing.has(index)) throw new Error(`publication ${index} failed after taking ${sequence}`);
        return sequence;
      }),
    ),
  );
}

const given = (outcomes: PromiseSettledResult<number>[]): number[] =>
  outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])).sort((a, b) => a - b);

const oneTo = (last: number): number[] => Array.from({ length: last }, (_, index) => index + 1);

describe('notice numbers from the yearly counter (real SQLite, or PostgreSQL)', () => {
  let dataSource: DataSource;
  let writer: SerialWriter;

  beforeEach(async () => {
    dataSource = await nodeTestDataSource('notice_number');
    writer = new SerialWriter(dataSource);
  });
  afterEach(() => dataSource.destroy());

  it('gives 20 publications at once the numbers 1 to 20, each once', async () => {
    expect(given(await publishAtOnce(writer, 20))).toEqual(oneTo(20));
  });

  it('gives back the number of a publication that fails after taking it: no gap', async () => {
    const outcomes = await publishAtOnce(writer, 21, new Set([7]));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect(given(outcomes)).toEqual(oneTo(20));
    expect(given(await publishAtOnce(writer, 1))).toEqual([21]);
  });

  it('counts each year on its own', async () => {
    await publishAtOnce(writer, 3);
    const next = await writer.transaction(async (manager) => [
      await nextNoticeSequence(manager, YEAR + 1),
      await nextNoticeSequence(manager, YEAR),
    ]);
    expect(next).toEqual([1, 4]);
  });

  it('is taken only inside a transaction', async () => {
    await expect(nextNoticeSequence(dataSource.manager, YEAR)).rejects.toThrow(
      'a notice number is taken inside the transaction that publishes the notice',
    );
  });
});

describe('notice numbers with two hub processes on one PostgreSQL database', () => {
  let server: RunningPostgres;
  const open: DataSource[] = [];

  const connect = async (url: string) => {
    const dataSource = await new DataSource({
      ...dataSourceOptions({
        database: 'unused',
        url,
        entities: NODE_ENTITIES,
        migrations: NODE_MIGRATIONS,
        postgresMigrations: NODE_POSTGRES_MIGRATIONS,
      }),
      name: `hub-${open.length}-${Math.random()}`,
    }).initialize();
    open.push(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await Promise.all(open.map((dataSource) => dataSource.destroy()));
    await server?.stop();
  });

  it('never gives one number twice, and a failed publication in either gives its number back', async () => {
    const url = await server.createDatabase('two_hubs');
    const first = new SerialWriter(await connect(url));
    const second = new SerialWriter(await connect(url));
    const outcomes = await Promise.all([
      publishAtOnce(first, 11, new Set([3])),
      publishAtOnce(second, 11, new Set([5])),
    ]);
    const numbers = given(outcomes.flat());
    expect(numbers).toEqual(oneTo(20));
  });

  it('makes the second process wait for the first one to commit or roll back', async () => {
    const url = await server.createDatabase('held_number');
    const observer = await connect(url);
    const first = new SerialWriter(await connect(url));
    const second = new SerialWriter(await connect(url));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const firstTook = new Promise<void>((resolve) => (taken = resolve));
    const rolledBack = first.transaction(async (manager) => {
      await nextNoticeSequence(manager, YEAR);
      taken();
      await held;
      throw new Error('the publication failed after taking its number');
    });
    await firstTook;
    const waiting = second.transaction((manager) => nextNoticeSequence(manager, YEAR));
    await waitFor(
      async () => {
        const [row] = await observer.query<{ waiting: number }[]>(
          `SELECT count(*)::integer AS "waiting" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return row.waiting === 1;
      },
      { what: 'the second process waiting on the counter row the first one holds' },
    );
    release();
    await expect(rolledBack).rejects.toThrow('the publication failed after taking its number');
    expect(await waiting).toBe(1);
  });
});
