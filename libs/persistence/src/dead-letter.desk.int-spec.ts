import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DeadLetterDesk } from './dead-letter.desk';
import { DeadLetterEntity } from './dead-letter.entity';
import { DeadLetterStore } from './dead-letter.store';
import { applyDurabilityPragmas, SerialWriter } from './serial-writer';
import { sqliteDataSourceOptions } from './sqlite-options';

const LIMIT = 3;
const delivery = (msgId: string | undefined, deliveryCount = 5) => ({
  subject: 'bn.deliver.MR',
  msgId,
  streamSequence: 7,
  deliveryCount,
});

describe('DeadLetterDesk on a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let desk: DeadLetterDesk;
  let rerun: (letter: DeadLetterEntity) => Promise<void>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-dead-letter-'));
    dataSource = await new DataSource(
      sqliteDataSourceOptions({ database: join(dir, 'db.sqlite'), entities: [DeadLetterEntity] }),
    ).initialize();
    await applyDurabilityPragmas(dataSource);
    const store = new DeadLetterStore(dataSource.getRepository(DeadLetterEntity), new SerialWriter(dataSource));
    rerun = () => Promise.reject(new Error('still broken'));
    desk = new DeadLetterDesk(store, {
      name: 'DeadLetters',
      limit: LIMIT,
      now: () => new Date('2026-12-01T12:00:00.000Z'),
      rerun: (letter) => rerun(letter),
    });
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the exact bytes, the error and the attempts, and a second copy updates the same row', async () => {
    await desk.park(
      Buffer.from([0, 255, 1]),
      delivery('env-1:MR', 5),
      new RangeError('Maximum call stack size exceeded'),
    );
    await desk.park(Buffer.from([0, 255, 1]), delivery('env-1:MR', 8), new Error('again'));
    const [summary] = await desk.list({ limit: 10, dropped: false });
    expect(summary).toMatchObject({ msgId: 'env-1:MR', attempts: 8, lastError: 'again', bytes: 3, droppedAt: null });
    expect([...(await desk.show(summary.id)).raw]).toEqual([0, 255, 1]);
    expect(await desk.countWaiting()).toBe(1);
  });

  it('tells copies without a msgId apart by their bytes', async () => {
    await desk.park(Buffer.from('a'), delivery(undefined), new Error('x'));
    await desk.park(Buffer.from('b'), delivery(undefined), new Error('x'));
    await desk.park(Buffer.from('a'), delivery(undefined), new Error('x'));
    expect(await desk.countWaiting()).toBe(2);
  });

  it('refuses to park past the limit (the transport then keeps the message), but still updates a row it holds', async () => {
    for (let i = 0; i < LIMIT; i++) await desk.park(Buffer.from(`m${i}`), delivery(`m${i}`), new Error('x'));
    await expect(desk.park(Buffer.from('one more'), delivery('m-extra'), new Error('x'))).rejects.toMatchObject({
      code: 'dead-letter-full',
      kind: 'unavailable',
    });
    await desk.park(Buffer.from('m0'), delivery('m0', 9), new Error('y'));
    expect(await desk.countWaiting()).toBe(LIMIT);
  });

  it('keeps a letter whose release fails again, with the new error, and removes it once released', async () => {
    await desk.park(Buffer.from('m'), delivery('m', 5), new Error('first'));
    const id = (await desk.list({ limit: 10, dropped: false }))[0].id;
    await expect(desk.release(id)).rejects.toMatchObject({
      code: 'dead-letter-still-failing',
      message: `dead letter ${id} failed again and is kept: still broken`,
    });
    expect(await desk.show(id)).toMatchObject({ attempts: 6, lastError: 'still broken' });

    const rerunWith: string[] = [];
    rerun = (letter) => {
      rerunWith.push(letter.raw.toString());
      return Promise.resolve();
    };
    expect(await desk.release(id)).toEqual({ id, outcome: 'released' });
    expect(rerunWith).toEqual(['m']);
    await expect(desk.show(id)).rejects.toMatchObject({ code: 'dead-letter-not-found' });
  });

  it('keeps a dropped letter as a record, out of the count, and refuses to release or drop it again', async () => {
    await desk.park(Buffer.from('m'), delivery('m'), new Error('x'));
    const id = (await desk.list({ limit: 10, dropped: false }))[0].id;
    await desk.drop(id);
    expect(await desk.countWaiting()).toBe(0);
    expect(await desk.list({ limit: 10, dropped: false })).toEqual([]);
    expect(await desk.list({ limit: 10, dropped: true })).toMatchObject([
      { id, droppedAt: '2026-12-01T12:00:00.000Z' },
    ]);
    await expect(desk.release(id)).rejects.toMatchObject({ code: 'dead-letter-not-found', kind: 'not-found' });
    await expect(desk.drop(id)).rejects.toMatchObject({ code: 'dead-letter-not-found' });
  });
});
