import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, EntityManager, PrimaryColumn } from 'typeorm';
import { SerialWriter, applyDurabilityPragmas } from './serial-writer';
import { sqliteDataSourceOptions } from './sqlite-options';

@Entity()
class Row {
  @PrimaryColumn() id!: string;
  @Column() batch!: number;
}

describe('SerialWriter on a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let writer: SerialWriter;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-sqlite-'));
    dataSource = await new DataSource(
      sqliteDataSourceOptions({ database: join(dir, 'db.sqlite'), entities: [Row] }),
    ).initialize();
    await applyDurabilityPragmas(dataSource);
    writer = new SerialWriter(dataSource);
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs 200 concurrent multi-statement transactions without interleaving or partial rows', async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, batch) =>
        writer.transaction(async (manager) => {
          await manager.insert(Row, { id: `${batch}-a`, batch });
          await manager.insert(Row, { id: `${batch}-b`, batch });
        }),
      ),
    );
    expect(await dataSource.getRepository(Row).count()).toBe(400);
  });

  it('rolls back a failing transaction whole and keeps serving the next ones', async () => {
    const failing = writer.transaction(async (manager) => {
      await manager.insert(Row, { id: 'x-a', batch: 1 });
      await manager.insert(Row, { id: 'x-a', batch: 1 }); // duplicate primary key
    });
    const next = writer.transaction((manager) => manager.insert(Row, { id: 'y', batch: 2 }));
    await expect(failing).rejects.toThrow(/UNIQUE/);
    await next;
    const ids = (await dataSource.getRepository(Row).find()).map((row) => row.id);
    expect(ids).toEqual(['y']);
  });

  it('commits writes queued together in one transaction, and a failing one rolls back alone', async () => {
    const transactions = jest.spyOn(dataSource, 'transaction');
    const writes = Array.from({ length: 20 }, (_, batch) =>
      writer.transaction(async (manager) => {
        await manager.insert(Row, { id: `g${batch}-a`, batch });
        if (batch === 7) throw new Error('refused halfway');
        await manager.insert(Row, { id: `g${batch}-b`, batch });
        return batch;
      }),
    );
    const settled = await Promise.allSettled(writes);
    expect(settled.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect(await dataSource.getRepository(Row).countBy({ batch: 7 })).toBe(0);
    expect(await dataSource.getRepository(Row).count()).toBe(38);
    // 20 callers, far fewer commits: the first runs alone, the rest share the next one.
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('writes what jobs collect once per transaction, in job order, without the items of a failed job', async () => {
    const flushes: string[][] = [];
    const key = {};
    const flush = async (manager: EntityManager, ids: string[]) => {
      flushes.push(ids);
      await manager.insert(
        Row,
        ids.map((id) => ({ id, batch: 99 })),
      );
    };
    const jobs = ['a', 'b', 'c', 'd'].map((name) =>
      writer.transaction((manager) => {
        writer.collect(manager, key, [`${name}1`, `${name}2`], flush);
        return name === 'c' ? Promise.reject(new Error('c refused')) : Promise.resolve();
      }),
    );
    const settled = await Promise.allSettled(jobs);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // 'a' ran alone (the queue was empty), b–d shared the next transaction and one flush.
    expect(flushes).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2', 'd1', 'd2'],
    ]);
    expect((await dataSource.getRepository(Row).findBy({ batch: 99 })).map((row) => row.id).sort()).toEqual([
      'a1',
      'a2',
      'b1',
      'b2',
      'd1',
      'd2',
    ]);
  });

  it('commits what callers collect alone with the jobs they queue beside, a failing job not taking them with it', async () => {
    const flushes: string[][] = [];
    const key = {};
    const flush = async (manager: EntityManager, ids: string[]) => {
      flushes.push(ids);
      await manager.insert(
        Row,
        ids.map((id) => ({ id, batch: 98 })),
      );
    };
    const settled = await Promise.allSettled([
      writer.collectAlone(key, ['e1'], flush),
      writer.collectAlone(key, ['f1'], flush),
      writer.transaction((manager) => {
        writer.collect(manager, key, ['g1'], flush);
        return Promise.reject(new Error('g refused'));
      }),
      writer.collectAlone(key, ['h1'], flush),
    ]);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(flushes).toEqual([['e1'], ['f1', 'h1']]);
    expect((await dataSource.getRepository(Row).findBy({ batch: 98 })).map((row) => row.id).sort()).toEqual([
      'e1',
      'f1',
      'h1',
    ]);
  });

  it('refuses to collect outside one of its transactions', async () => {
    await expect(
      dataSource.transaction((manager) => {
        writer.collect(manager, {}, [1], () => Promise.resolve());
        return Promise.resolve();
      }),
    ).rejects.toThrow(/collect\(\) needs the manager/);
  });

  it('sets WAL journal and synchronous=FULL', async () => {
    expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
  });
});
