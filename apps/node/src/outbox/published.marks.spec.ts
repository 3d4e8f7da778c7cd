import type { EntityManager } from 'typeorm';
import type { SerialWriter } from '@bureaunet/persistence';
import type { PublishedMark, SentMessageRepository } from '../store/sent-message.repository';
import { PublishedMarks } from './published.marks';

const manager = {} as EntityManager;
const mark = (index: number): PublishedMark => ({ id: `m${index}`, at: `2026-12-02T08:00:0${index}.000Z` });

function setup(fail?: Error) {
  let release: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (release = resolve));
  const transactions: number[] = [];
  const writer = {
    transaction: jest.fn(async (work: (m: EntityManager) => Promise<unknown>) => {
      // The first transaction waits until the test lets it commit: the marks meanwhile queue up.
      if (transactions.length === 0) await first;
      await work(manager);
      if (fail) throw fail;
    }),
  };
  const sent = {
    markPublished: jest.fn((_manager: EntityManager, marks: readonly PublishedMark[]) => {
      transactions.push(marks.length);
      return Promise.resolve();
    }),
  };
  const marks = new PublishedMarks(writer as unknown as SerialWriter, sent as unknown as SentMessageRepository);
  return { marks, sent, release };
}

describe('PublishedMarks', () => {
  it('writes the marks that queue during a transaction together in the next one, each settled after its commit', async () => {
    const { marks, sent, release } = setup();
    const settled: string[] = [];
    const recorded = [0, 1, 2, 3].map((index) => marks.record(mark(index)).then(() => settled.push(`m${index}`)));
    await Promise.resolve();
    expect(settled).toEqual([]);
    release();
    await Promise.all(recorded);
    expect(sent.markPublished.mock.calls.map(([, written]) => written)).toEqual([
      [mark(0)],
      [mark(1), mark(2), mark(3)],
    ]);
    expect(settled).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('writes a deferred mark with the next ones, without a caller waiting for it', async () => {
    const { marks, sent, release } = setup();
    release();
    marks.defer(mark(0));
    marks.defer(mark(1));
    expect(sent.markPublished).not.toHaveBeenCalled();
    await marks.record(mark(2));
    expect(sent.markPublished.mock.calls.map(([, written]) => written)).toEqual([[mark(0), mark(1), mark(2)]]);
  });

  it('writes deferred marks on flush, as the republisher asks before its round', async () => {
    const { marks, sent, release } = setup();
    release();
    marks.defer(mark(0));
    await marks.flush();
    expect(sent.markPublished.mock.calls.map(([, written]) => written)).toEqual([[mark(0)]]);
  });

  it('rejects every mark of a transaction that fails, and writes the next ones again', async () => {
    const failure = new Error('SQLITE_IOERR');
    const { marks, release } = setup(failure);
    const recorded = [0, 1].map((index) => marks.record(mark(index)));
    release();
    await expect(recorded[0]).rejects.toBe(failure);
    await expect(recorded[1]).rejects.toBe(failure);
  });
});
