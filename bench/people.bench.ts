import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { hashPassword, verifyPassword } from '@bureaunet/accounts';
import { ACTIVITY_ENTITIES, appendActivity } from '@bureaunet/activity/server';
import { SerialWriter, applyDurabilityPragmas, openDataSource, sqliteDataSourceOptions } from '@bureaunet/persistence';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';

/**
 * `npm run bench:people`: what attributing people costs. A password sign-in's Argon2id verify (the
 * parameters are the point: slow on purpose), and the activity log's append — one transaction per
 * request, as the interceptor does — against a raw single-row INSERT committed the same way, in the
 * same run on the same database.
 */
const VERIFIES = Number(process.env.BENCH_VERIFIES ?? 30);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 3_000);

/** The baseline: a row of the same width, no hashing, no tree state. */
@Entity('bench_raw_row')
class RawRowEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text' }) body!: string;
}

async function timed(count: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return (performance.now() - start) / count;
}

async function main(): Promise<void> {
  const phc = await hashPassword('correct horse battery staple');
  const verifyMs = await timed(VERIFIES, () => verifyPassword(phc, 'correct horse battery staple'));

  const dir = mkdtempSync(join(tmpdir(), 'bureaunet-people-bench-'));
  const dataSource = await openDataSource(
    sqliteDataSourceOptions({ database: join(dir, 'activity.sqlite'), entities: [...ACTIVITY_ENTITIES, RawRowEntity] }),
  );
  try {
    await applyDurabilityPragmas(dataSource);
    const writer = new SerialWriter(dataSource);
    const entry = (i: number) => ({
      at: new Date().toISOString(),
      actor: 'person:a.diallo',
      role: 'officer',
      personId: '0195f3a0-0000-7000-8000-000000000001',
      action: 'notice.search',
      target: `query ${i}`,
      purpose: 'case 2026/1187: locating a missing person',
      outcome: 'done' as const,
    });
    const rawMs = await timed(APPENDS, (i) =>
      writer.transaction((manager) => manager.insert(RawRowEntity, { body: JSON.stringify(entry(i)) })),
    );
    const appendMs = await timed(APPENDS, (i) => writer.transaction((manager) => appendActivity(manager, [entry(i)])));
    const raw: BenchFigure = { name: 'raw single-row commit', value: 1000 / rawMs, unit: 'commits/s', baseline: true };
    publishBenchReport({
      title: 'People: sign-in and the activity log',
      command: 'npm run bench:people',
      setup: `A password sign-in's Argon2id verify (m=19456 KiB, t=2, p=1; slow on purpose), ${VERIFIES} times; then ${APPENDS.toLocaleString('en-US')} activity-log appends, one transaction each as the interceptor does, against the same number of raw single-row INSERTs committed the same way, on the same SQLite database (synchronous=FULL).`,
      figures: [
        {
          name: 'Argon2id verify, sign-ins per core',
          value: 1000 / verifyMs,
          unit: 'sign-ins/s',
          note: `${verifyMs.toFixed(1)} ms each`,
        },
        raw,
        {
          name: 'activity append (RFC 6962 leaf + tree), one commit each',
          value: 1000 / appendMs,
          unit: 'appends/s',
          against: ratioTo(raw, 1000 / appendMs),
        },
      ],
    });
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
