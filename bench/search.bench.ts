import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { NOTICE_TYPES, type NoticeBody } from '@bureaunet/contracts';
import { applyDurabilityPragmas, openDataSource, sqliteDataSourceOptions } from '@bureaunet/persistence';
import { NODE_MIGRATIONS } from '../apps/node/src/migrations';
import { NoticeDocumentEntity } from '../apps/node/src/store/notice-index.entity';
import { addNoticeNames, noticeName } from '../apps/node/src/store/notice-name.index';
import { NoticeEntity } from '../apps/node/src/store/notice.entity';
import { NoticeRepository } from '../apps/node/src/store/notice.repository';
import { documentRows, noticeBodyOf, noticeRow } from '../apps/node/src/store/notice.rows';
import { NODE_ENTITIES } from '../apps/node/src/store/node.entities';
import type { NoticeSearchDto } from '../apps/node/src/notice/notice-search.dto';
import { buildNoticeQuery } from '../apps/node/src/notice/notice-search.service';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';

/**
 * `npm run bench:search`: seeds BENCH_NOTICES (100,000) notices into a real node.sqlite through the
 * node's migrations, then times each kind of officer search (the node's own query builder) next to a
 * primary-key lookup in the same run, and a revision that changes a name (the index's one slow write).
 */
const NOTICES = Number(process.env.BENCH_NOTICES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TODAY = '2026-11-25';

// A deterministic PRNG (mulberry32): the same data every run.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'mü',
  'ller',
  'gar',
  'cía',
  'ro',
  'ssi',
  'dupont',
  'lef',
  'èvre',
  'nov',
  'ák',
  'ko',
  'wal',
  'ski',
  'sen',
  'han',
  'ber',
  'g',
  'ó',
  'nez',
  'pe',
  'tro',
  'vić',
  'ya',
  'maz',
  'ki',
  'o',
  'bri',
  'en',
];
const GIVEN = [
  'Jörg',
  'José María',
  'Élodie',
  'Anna',
  'Søren',
  'Łukasz',
  'Zoë',
  'Ahmed',
  'Chloé',
  'Ivan',
  'Mei',
  'Noël',
  'Ana Lúcia',
  'Björn',
  'François',
];

function familyName(next: () => number): string {
  const parts = 2 + Math.floor(next() * 2);
  const name = Array.from({ length: parts }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function noticeBody(index: number, next: () => number): NoticeBody {
  const year = 1950 + Math.floor(next() * 55);
  const day = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  return {
    number: `A-${index + 1}/2026`,
    type: NOTICE_TYPES[Math.floor(next() * NOTICE_TYPES.length)],
    owner: ['DK', 'MR', 'FR', 'DE', 'IT', 'ES'][Math.floor(next() * 6)],
    subject: {
      familyName: familyName(next),
      givenNames: GIVEN[Math.floor(next() * GIVEN.length)],
      dateOfBirth: day,
      nationality: 'FR',
      documentNumbers: next() < 0.6 ? [`P${String(index).padStart(8, '0')}`] : [],
    },
    offence: 'benchmark offence',
    expiry: next() < 0.1 ? '2026-01-01' : '2030-01-01',
    revision: 1,
    publishedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
  };
}

async function seed(dataSource: DataSource): Promise<{ seconds: number; documents: number }> {
  const next = random(42);
  const started = performance.now();
  let documents = 0;
  const chunk = 50;
  for (let offset = 0; offset < NOTICES; offset += 1000) {
    await dataSource.transaction(async (manager) => {
      for (let start = offset; start < Math.min(offset + 1000, NOTICES); start += chunk) {
        const rows = Array.from({ length: Math.min(chunk, NOTICES - start) }, (_unused, i) =>
          noticeRow(noticeBody(start + i, next), {
            envelopeId: `env-${start + i}`,
            restrictedTo: [],
            recipients: [],
            at: '2026-11-25T00:00:00.000Z',
          }),
        );
        if (start % 7 === 0) rows[0].state = 'cancelled';
        const documentRowsOf = rows.flatMap(documentRows);
        await manager.insert(NoticeEntity, rows);
        await addNoticeNames(manager, rows.map(noticeName));
        if (documentRowsOf.length > 0) await manager.insert(NoticeDocumentEntity, documentRowsOf);
        documents += documentRowsOf.length;
      }
    });
  }
  return { seconds: (performance.now() - started) / 1000, documents };
}

/** Each call stores the next revision of `sample` under another family name: the name index changes. */
function reviseName(dataSource: DataSource, sample: NoticeEntity): () => Promise<number> {
  const store = new NoticeRepository();
  let revision = sample.revision;
  return async () => {
    revision += 1;
    const body = noticeBodyOf(sample);
    const renamed = {
      ...body,
      revision,
      subject: { ...body.subject, familyName: `${sample.familyName}${revision % 2}` },
    };
    const context = { envelopeId: sample.envelopeId, restrictedTo: [], recipients: [], at: '2026-11-25T00:00:00.000Z' };
    return (await dataSource.transaction((manager) => store.put(manager, noticeRow(renamed, context)))) ? 1 : 0;
  };
}

interface Timing {
  label: string;
  matches: number;
  medianMs: number;
  p95Ms: number;
}

async function time(label: string, run: () => Promise<number>): Promise<Timing> {
  for (let i = 0; i < 10; i += 1) await run(); // warm the page cache and prepared statements
  const samples: number[] = [];
  let matches = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    matches = await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    label,
    matches,
    medianMs: samples[Math.floor(samples.length / 2)],
    p95Ms: samples[Math.floor(samples.length * 0.95)],
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bureaunet-search-bench-'));
  const dataSource = await openDataSource(
    sqliteDataSourceOptions({
      database: join(dir, 'node.sqlite'),
      entities: NODE_ENTITIES,
      migrations: NODE_MIGRATIONS,
    }),
  );
  await applyDurabilityPragmas(dataSource);
  try {
    const seeded = await seed(dataSource);
    console.log(`seeded ${NOTICES} notices (${seeded.documents} documents) in ${seeded.seconds.toFixed(1)} s`);
    const notices = dataSource.getRepository(NoticeEntity);
    // A subject whose name carries accents, searched without them and in upper case.
    let sample = await notices.findOneByOrFail({ number: `A-${Math.floor(NOTICES / 2)}/2026` });
    for (let index = Math.floor(NOTICES / 2) + 1; /[^\x00-\x7f]/.test(sample.familyName) === false; index += 1)
      sample = await notices.findOneByOrFail({ number: `A-${index}/2026` });
    // As an officer without the accents types it (the index folds the stored spelling itself).
    const family = sample.familyName
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    const search = (query: NoticeSearchDto) => async () =>
      (await buildNoticeQuery(notices.createQueryBuilder('notice'), { limit: 50, ...query }, TODAY).getMany()).length;
    const timings = [
      await time('baseline: primary-key lookup (findOneBy number)', async () =>
        (await notices.findOneBy({ number: sample.number })) ? 1 : 0,
      ),
      await time(
        `name, whole family name "${family.toUpperCase()}" (stored as "${sample.familyName}")`,
        search({ name: family.toUpperCase() }),
      ),
      await time(
        `name, prefix "${family.slice(0, 3)}" + given "${sample.givenNames.slice(0, 2)}"`,
        search({ name: `${family.slice(0, 3)} ${sample.givenNames.slice(0, 2)}` }),
      ),
      await time('name, a common 2-letter prefix "ro"', search({ name: 'ro' })),
      await time('name + type red + state active', search({ name: family, type: 'red', state: 'active' })),
      await time('date of birth', search({ dateOfBirth: sample.dateOfBirth! })),
      await time(
        'document number (dashes, case ignored)',
        search({ document: sample.documentNumbers[0]?.toLowerCase() ?? 'p00000000' }),
      ),
      await time('type red + state lapsed (first page of 50)', search({ type: 'red', state: 'lapsed' })),
      await time('state cancelled (first page of 50)', search({ state: 'cancelled' })),
      await time('no match: name "zzzz"', search({ name: 'zzzz' })),
      await time('name, a single letter "r" (no prefix index)', search({ name: 'r' })),
      await time('name, a quoted, starred, operator-laden "\\"ro\\"* OR NEAR(x"', search({ name: '"ro"* OR NEAR(x' })),
      await time(`write: a revision that changes the name of ${sample.number}`, reviseName(dataSource, sample)),
    ];
    const [lookup, ...queries] = timings;
    const baseline: BenchFigure = {
      name: `${lookup.label}, median`,
      value: lookup.medianMs,
      unit: 'ms',
      baseline: true,
      note: `p95 ${lookup.p95Ms.toFixed(3)} ms`,
    };
    publishBenchReport({
      title: 'Name search',
      command: 'npm run bench:search',
      setup: `${NOTICES.toLocaleString('en-US')} notices (${seeded.documents.toLocaleString('en-US')} documents, seeded in ${seeded.seconds.toFixed(1)} s) in a real node.sqlite made by the node's migrations; each kind of officer search through the node's own query builder, ${RUNS} runs each, first page (limit 50), beside a primary-key lookup in the same run; and a revision that changes a name (the index's one slow write).`,
      figures: [
        baseline,
        ...queries.map((timing) => ({
          name: `${timing.label}, median`,
          value: timing.medianMs,
          unit: 'ms',
          against: ratioTo(baseline, timing.medianMs),
          note: `p95 ${timing.p95Ms.toFixed(3)} ms, ${timing.matches} on the page`,
        })),
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
