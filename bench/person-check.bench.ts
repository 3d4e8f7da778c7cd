import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NoticeBody, PersonCheckRequest } from '@bureaunet/contracts';
import { applyDurabilityPragmas, SerialWriter, sqliteDataSourceOptions } from '@bureaunet/persistence';
import { systemClock } from '@bureaunet/platform';
import type { HitProcedure } from '../apps/node/src/hit/hit.procedure';
import { EnvelopeIdGenerator } from '../apps/node/src/id/envelope-id.generator';
import { NODE_MIGRATIONS } from '../apps/node/src/migrations';
import { PersonCheckService } from '../apps/node/src/person-check/person-check.service';
import { PersonSourceReader } from '../apps/node/src/person-check/person-source.reader';
import { SoughtPersonIndex } from '../apps/node/src/person-check/sought-person.index';
import { DiffusionEntity } from '../apps/node/src/store/diffusion.entity';
import { NODE_ENTITIES } from '../apps/node/src/store/node.entities';
import { NoticeEntity } from '../apps/node/src/store/notice.entity';
import { noticeRow } from '../apps/node/src/store/notice.rows';
import { PersonSourceChangeEntity } from '../apps/node/src/store/person-source-change.entity';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';

/**
 * `npm run bench:person-check`: the node side of a person check over BENCH_PERSONS (100,000)
 * notices in a real node.sqlite: the in-memory index's full build (read + index) and heap, the
 * refresh a check pays when nothing changed, the patch it pays when one notice was published or
 * cancelled since, and whole checks (refresh, search, confirmation against the rows, check-log
 * commit), p50/p99. A full build is what "rebuild on every change" would cost each change.
 */
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 2_000);
const PATCHES = Number(process.env.BENCH_PATCHES ?? 500);

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

// prettier-ignore
const COMMON = ['Müller', 'Schmidt', 'García', 'Rossi', 'Nowak', 'Kowalski', 'Yılmaz', 'Nguyen', 'Li', 'Wang',
  'Иванов', 'Петров', 'Смирнов', 'Petrov', 'Ivanov', 'محمد', 'أحمد', 'Mohamed', 'Muhammad', 'Hassan', 'al-Rashid',
  'van der Berg', 'Papadopoulos', 'Παπαδόπουλος', 'Dubois', 'Martin', 'Smith', 'Johnson', 'Okafor', 'Lindqvist'];
// prettier-ignore
const GIVEN = ['Hans', 'Anna', 'Maria', 'Jörg', 'Ivan', 'Иван', 'Olga', 'Karim', 'Fatima', 'Wei', 'José', 'Chinedu',
  'Astrid', 'Marta', 'Mehmet', 'Eleni', 'Ali', 'Omar', 'Sophie', 'Pierre'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'to', 'vel', 'sen', 'dor', 'bra', 'nik', 'sha', 'ur', 'zo', 'an', 'ber'];

function generatedName(): string {
  const name = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function birthDate(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${1940 + Math.floor(random() * 65)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
}

function notice(index: number): NoticeBody {
  return {
    number: `A-${index + 1}/2026`,
    type: pick(['red', 'red', 'red', 'yellow', 'blue'] as const),
    owner: pick(['DK', 'FR', 'DE', 'IT', 'ES']),
    subject: {
      familyName: random() < 0.4 ? pick(COMMON) : generatedName(),
      givenNames: pick(GIVEN),
      ...(random() < 0.85 && { dateOfBirth: birthDate() }),
      documentNumbers: random() < 0.5 ? [`P${String(index).padStart(8, '0')}`] : [],
    },
    offence: 'benchmark offence',
    expiry: '2030-01-01',
    revision: 1,
    publishedAt: '2026-11-25T00:00:00.000Z',
  };
}

const context = { envelopeId: 'env', restrictedTo: [], recipients: [], at: '2026-11-25T00:00:00.000Z' };

async function seed(dataSource: DataSource): Promise<NoticeBody[]> {
  const bodies: NoticeBody[] = [];
  for (let offset = 0; offset < PERSONS; offset += 1000)
    await dataSource.transaction(async (manager) => {
      for (let start = offset; start < Math.min(offset + 1000, PERSONS); start += 50) {
        const chunk = Array.from({ length: Math.min(50, PERSONS - start) }, (_unused, i) => notice(start + i));
        bodies.push(...chunk);
        await manager.insert(
          NoticeEntity,
          chunk.map((body) => noticeRow(body, context)),
        );
      }
    });
  return bodies;
}

/** What an officer types for a seeded person: as written, a variant (swap, day-month, typo), or nobody. */
function checkFor(body: NoticeBody): PersonCheckRequest {
  const { familyName, givenNames, dateOfBirth } = body.subject;
  const roll = random();
  if (roll < 0.4) return { familyName, givenNames, ...(dateOfBirth && { dateOfBirth }) };
  if (roll < 0.55) return { familyName: givenNames, givenNames: familyName };
  const [year, month, day] = dateOfBirth?.split('-') ?? [];
  if (roll < 0.7 && day !== undefined && Number(day) <= 12)
    return { familyName, givenNames, dateOfBirth: `${year}-${day}-${month}` };
  if (roll < 0.7) return { familyName: familyName.toUpperCase(), givenNames };
  return { familyName: generatedName() + pick(SYLLABLES), givenNames: pick(GIVEN), dateOfBirth: birthDate() };
}

/** A p50 figure of `samples` (ms), with p99 and max in its note. */
function percentiles(name: string, samples: number[], baseline?: BenchFigure, note = ''): BenchFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
  return {
    name: `${name}, p50`,
    value: at(0.5),
    unit: 'ms',
    ...(baseline ? { against: ratioTo(baseline, at(0.5)) } : {}),
    note: `p99 ${at(0.99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms${note}`,
  };
}

const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const collect = () => (global as { gc?: () => void }).gc?.();

async function timed(runs: number, before: (run: number) => Promise<unknown>, run: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let at = 0; at < runs; at++) {
    await before(at);
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['log', 'warn', 'error']); // the index's own line splits read and build
  const dir = mkdtempSync(join(tmpdir(), 'bureaunet-person-check-bench-'));
  const dataSource = await new DataSource(
    sqliteDataSourceOptions({
      database: join(dir, 'node.sqlite'),
      entities: NODE_ENTITIES,
      migrations: NODE_MIGRATIONS,
    }),
  ).initialize();
  await applyDurabilityPragmas(dataSource);
  try {
    let started = performance.now();
    const bodies = await seed(dataSource);
    console.log(`seeded ${PERSONS} red/yellow/blue notices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const reader = new PersonSourceReader(
      dataSource.getRepository(NoticeEntity),
      dataSource.getRepository(DiffusionEntity),
      dataSource.getRepository(PersonSourceChangeEntity),
    );

    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    const index = new SoughtPersonIndex(reader, systemClock);
    started = performance.now();
    await index.current();
    const buildMs = performance.now() - started;
    collect();
    const heap = process.memoryUsage().heapUsed - heapBefore;
    const figures: BenchFigure[] = [
      {
        name: 'full build of the index (read + index)',
        value: buildMs / 1000,
        unit: 's',
        note: `heap ${megabytes(heap)}`,
      },
    ];

    const idle = await timed(
      2_000,
      () => Promise.resolve(),
      () => index.current(),
    );
    figures.push(percentiles('refresh, nothing changed', idle));

    let next = PERSONS;
    const publish = () =>
      dataSource.transaction((manager) => manager.insert(NoticeEntity, noticeRow(notice(next++), context)));
    const published = await timed(PATCHES, publish, () => index.current());
    figures.push(percentiles('refresh, one notice published', published));
    const cancel = (run: number) =>
      dataSource.transaction((manager) =>
        manager.update(NoticeEntity, { number: `A-${run * 97 + 1}/2026` }, { state: 'cancelled' }),
      );
    const cancelled = await timed(PATCHES, cancel, () => index.current());
    const patched = await index.current();
    figures.push(
      percentiles(
        'refresh, one notice cancelled',
        cancelled,
        undefined,
        `; after ${2 * PATCHES} patches: ${patched.changed} changed keys in ${patched.segmentCount} segments`,
      ),
    );

    const hits = {
      notify: () => Promise.resolve({ hitId: 'h', answerBy: '2026-11-25T00:10:00.000Z' }),
    } as unknown as HitProcedure;
    const service = new PersonCheckService(
      index,
      reader,
      hits,
      new SerialWriter(dataSource),
      new EnvelopeIdGenerator(systemClock),
      { code: 'MR' },
      systemClock,
    );
    const searchOnly: number[] = [];
    const searches: number[] = [];
    const checks: number[] = [];
    let hitCount = 0;
    for (let at = 0; at < CHECKS; at++) {
      const request = checkFor(pick(bodies));
      const current = await index.current();
      let begun = performance.now();
      current.search(request);
      searchOnly.push(performance.now() - begun);
      begun = performance.now();
      (await index.current()).search(request);
      searches.push(performance.now() - begun);
      begun = performance.now();
      if ((await service.check({ ...request, place: 'bench' }, 'border-officer')).outcome === 'hit') hitCount++;
      checks.push(performance.now() - begun);
    }
    const searchAlone: BenchFigure = { ...percentiles('search alone', searchOnly), baseline: true };
    publishBenchReport({
      title: 'Border checks: persons',
      command: 'npm run bench:person-check',
      setup: `The node side of a person check over ${PERSONS.toLocaleString('en-US')} red/yellow/blue notices in a real node.sqlite: the in-memory index's full build (read + index) and heap, the refresh a check pays when nothing changed, the patch it pays when one notice was published or cancelled since (${PATCHES} each), and ${CHECKS.toLocaleString('en-US')} whole checks (refresh, search, confirmation against the rows, check-log commit). A full build is what "rebuild on every change" would cost each change. Baseline in the same run: the search alone.`,
      figures: [
        ...figures,
        searchAlone,
        percentiles('refresh + search', searches, searchAlone),
        percentiles('whole check (+ rows, log commit)', checks, searchAlone, `; ${hitCount}/${CHECKS} hits`),
      ],
    });
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
