import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { SerialWriter } from '@bureaunet/persistence';
import type { NodeConfig } from '../node.config';
import { HitEntity, type HitDirection, type HitState } from '../store/hit.entity';
import { HitRepository } from '../store/hit.repository';
import { HitDeadlineSweep } from './hit-deadline.sweep';
import { nodeTestDataSource } from '../migrations/node.test-database';

const CHECKED_AT = '2026-12-01T10:00:00.000Z';
const ANSWER_BY = '2026-12-01T10:10:00.000Z';
const LATER_ANSWER_BY = '2026-12-01T10:20:00.000Z';
const documentHit = {
  kind: 'document',
  index: 'cd'.repeat(32),
  issuingCountry: 'DK',
  status: 'lost',
  version: 1,
} as const;

function row(n: number, direction: HitDirection, answerBy: string, state: HitState = 'awaiting'): HitEntity {
  return {
    id: `019ad000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    direction,
    checkId: `019ad000-0000-7000-9000-${String(n).padStart(12, '0')}`,
    counterpart: direction === 'sent' ? 'DK' : 'MR',
    hit: documentHit,
    checkedAt: CHECKED_AT,
    place: 'Rosso',
    answerBy,
    state,
    answer: null,
    createdAt: CHECKED_AT,
  };
}

describe('the hit deadline sweep (real SQLite)', () => {
  let db: DataSource;
  let hits: HitRepository;
  let now = new Date('2026-12-01T10:05:00.000Z');
  const logged: string[] = [];

  beforeAll(async () => {
    for (const level of ['warn', 'error'] as const)
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logged.push(`${level}: ${String(args[0])}`);
      });
    db = await nodeTestDataSource('hit_deadline');
    hits = new HitRepository(db.getRepository(HitEntity));
    // 230 sent hits due at ANSWER_BY (more than two batches), one received, one due later, one answered.
    const rows = Array.from({ length: 230 }, (_, n) => row(n + 1, 'sent', ANSWER_BY));
    rows.push(
      row(1001, 'received', ANSWER_BY),
      row(1002, 'sent', LATER_ANSWER_BY),
      row(1003, 'sent', ANSWER_BY, 'answered'),
    );
    await db.getRepository(HitEntity).insert(rows);
  });

  afterAll(async () => {
    await db?.destroy();
    jest.restoreAllMocks();
  });

  const sweeper = () =>
    new HitDeadlineSweep(
      hits,
      new SerialWriter(db),
      { hitSweepIntervalMs: 1_000 } as NodeConfig,
      { now: () => now },
      new SchedulerRegistry(),
    );
  const count = (state: HitState) => db.getRepository(HitEntity).countBy({ state });
  const listed = async (direction: HitDirection, state: HitState) =>
    (await hits.list({ direction, state, limit: 500, now: now.toISOString() })).length;

  it('marks nothing before answerBy', async () => {
    expect(await sweeper().sweep()).toBe(0);
    expect(await listed('sent', 'awaiting')).toBe(231);
  });

  it('shows the hits overdue from answerBy on, before the sweep marks them', async () => {
    now = new Date(ANSWER_BY);
    expect(await count('overdue')).toBe(0);
    expect(await listed('sent', 'overdue')).toBe(230);
    expect(await listed('received', 'overdue')).toBe(1);
    expect(await listed('sent', 'awaiting')).toBe(1);
    expect(await listed('sent', 'answered')).toBe(1);
  });

  it('marks every awaited hit past answerBy overdue in bounded batches, logs each, and leaves the rest', async () => {
    expect(await sweeper().sweep()).toBe(231);
    expect(await count('overdue')).toBe(231);
    expect(await db.getRepository(HitEntity).findOneByOrFail({ id: row(1002, 'sent', '').id })).toMatchObject({
      state: 'awaiting',
    });
    expect(await db.getRepository(HitEntity).findOneByOrFail({ id: row(1003, 'sent', '').id })).toMatchObject({
      state: 'answered',
    });
    expect(logged.filter((line) => line.startsWith('warn: hit '))).toHaveLength(230);
    expect(logged).toContainEqual(
      `error: ALERT hit ${row(1001, 'received', '').id} from MR (check ${row(1001, 'received', '').checkId}) not answered by ${ANSWER_BY}`,
    );
    expect(await listed('sent', 'overdue')).toBe(230);
    expect(await sweeper().sweep()).toBe(0);
  });

  it('pages the list newest first', async () => {
    const first = await hits.list({ direction: 'sent', limit: 2, now: now.toISOString() });
    expect(first.map((hit) => hit.id)).toEqual([row(1003, 'sent', '').id, row(1002, 'sent', '').id]);
    const next = await hits.list({ direction: 'sent', limit: 1, before: first[1].id, now: now.toISOString() });
    expect(next.map((hit) => hit.id)).toEqual([row(230, 'sent', '').id]);
  });
});
