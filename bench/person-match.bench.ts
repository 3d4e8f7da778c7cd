import { performance } from 'node:perf_hooks';
import { PersonIndex, type PersonQuery, type PersonRecord } from '@bureaunet/person-match';
import { publishBenchReport, type BenchFigure } from './bench-report';

/**
 * `npm run bench:person-match`: person checks (libs/person-match) against a million synthetic wanted
 * persons: index build time and memory, then checks per second and p50/p99 latency over a mix of
 * exact, variant (typo, transliteration, swapped names, day-month swap) and absent names.
 */
const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 10_000);

/** Deterministic, so two runs check the same people. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(11);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
/** Rank r drawn with weight 1/sqrt(r): a few common names, a long tail. */
const skewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * random() ** 2)];

// prettier-ignore
const COMMON_FAMILY = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Nguyen', 'Tran', 'Le', 'Pham', 'Li', 'Wang', 'Zhang', 'Liu', 'Chen',
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Kovalenko', 'Ivanov', 'Petrov', 'Popov',
  'محمد', 'أحمد', 'علي', 'حسن', 'حسين', 'إبراهيم', 'عبد الله', 'خالد', 'يوسف', 'عمر',
  'Mohamed', 'Mohammed', 'Muhammad', 'Ahmed', 'Hassan', 'Hussein', 'Ibrahim', 'Abdullah', 'Khaled', 'Youssef',
  'al-Rashid', 'el-Masri', 'ben Ali', 'van der Berg', 'de Jong', 'van Dijk', 'Papadopoulos', 'Παπαδόπουλος', 'Γεωργίου', 'Νικολάου',
];
// prettier-ignore
const GIVEN = [
  'Hans', 'Peter', 'Anna', 'Maria', 'Thomas', 'Michael', 'Andreas', 'Stefan', 'Julia', 'Laura', 'John', 'James',
  'Mary', 'Catherine', 'Katherine', 'Jean', 'Pierre', 'Marie', 'Sophie', 'Luca', 'Giulia', 'Marco', 'Piotr', 'Anna Maria',
  'Mehmet', 'Ayşe', 'Fatma', 'Wei', 'Jing', 'Minh', 'José', 'Juan', 'Carmen', 'Jan', 'Eleni', 'Giorgos', 'Ελένη', 'Γιώργος',
  'Владимир', 'Сергей', 'Александр', 'Дмитрий', 'Ольга', 'Наталья', 'Иван', 'Vladimir', 'Sergei', 'Aleksandr', 'Olga',
  'محمد', 'أحمد', 'فاطمة', 'علي', 'مريم', 'Mohamed', 'Ahmed', 'Fatima', 'Ali', 'Omar', 'Yusuf', 'Aisha', 'Karim',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'to',
  'vel',
  'sen',
  'dor',
  'bra',
  'nik',
  'sha',
  'ur',
  'ez',
  'ov',
  'ski',
  'man',
  'berg',
  'ten',
  'ro',
  'li',
  'an',
  'is',
  'ha',
  'mu',
  'zen',
  'gor',
  'pel',
  'tin',
];
const NATIONALITIES = [
  'DE',
  'FR',
  'IT',
  'ES',
  'PL',
  'TR',
  'RU',
  'UA',
  'EG',
  'MA',
  'SY',
  'IQ',
  'CN',
  'VN',
  'GB',
  'US',
  'GR',
  'NL',
];

/** A rare family name: two to four syllables, capitalised. */
function tailName(generate: () => number): string {
  const count = 2 + Math.floor(generate() * 3);
  const name = Array.from({ length: count }, () => SYLLABLES[Math.floor(generate() * SYLLABLES.length)]).join('');
  return name[0].toUpperCase() + name.slice(1);
}

function dateOfBirth(): string | undefined {
  const roll = random();
  if (roll < 0.1) return undefined;
  const year = 1940 + Math.floor(random() * 66);
  if (roll < 0.2) return String(year);
  const [month, day] = [1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)];
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function persons(): PersonRecord[] {
  return Array.from({ length: PERSONS }, (_, at) => {
    const dob = dateOfBirth();
    return {
      id: `P${at}`,
      // Half from the common names (Zipf-like), half from a long synthetic tail.
      familyName: random() < 0.5 ? skewed(COMMON_FAMILY) : tailName(random),
      givenNames: skewed(GIVEN),
      ...(dob && { dateOfBirth: dob }),
      nationalities: [pick(NATIONALITIES)],
      documentNumbers: random() < 0.5 ? [`D${at.toString(36).toUpperCase()}`] : [],
    };
  });
}

function typo(name: string): string {
  const at = 1 + Math.floor(random() * (name.length - 2));
  return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
}

type Kind = 'exact' | 'variant' | 'absent';

function queries(records: readonly PersonRecord[]): { kind: Kind; query: PersonQuery }[] {
  const absent = mulberry32(99);
  return Array.from({ length: QUERIES }, () => {
    const person = pick(records);
    const roll = random();
    const base: PersonQuery = {
      familyName: person.familyName,
      givenNames: person.givenNames,
      ...(person.dateOfBirth?.length === 10 && random() < 0.7 && { dateOfBirth: person.dateOfBirth }),
    };
    if (roll < 0.4) return { kind: 'exact', query: base };
    if (roll < 0.7) {
      const variant = random();
      if (variant < 0.4 && person.familyName.length > 4)
        return { kind: 'variant', query: { ...base, familyName: typo(person.familyName) } };
      if (variant < 0.7)
        return { kind: 'variant', query: { ...base, familyName: person.givenNames, givenNames: person.familyName } };
      const dob = base.dateOfBirth;
      return {
        kind: 'variant',
        query:
          dob && Number(dob.slice(8)) <= 12
            ? { ...base, dateOfBirth: `${dob.slice(0, 5)}${dob.slice(8)}-${dob.slice(5, 7)}` }
            : base,
      };
    }
    // Usually a name no record has; now and then the tail generator meets one.
    return {
      kind: 'absent',
      query: { familyName: `${tailName(absent)}${tailName(absent).toLowerCase()}`, givenNames: pick(GIVEN) },
    };
  });
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

function main(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const records = persons();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const index = PersonIndex.build(records);
  const buildMs = performance.now() - buildStart;
  gc?.();
  const indexMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const figures: BenchFigure[] = [
    {
      name: 'index build',
      value: buildMs / 1000,
      unit: 's',
      note: `${index.size.toLocaleString('en')} persons, ${index.keyCount.toLocaleString('en')} keys, ${index.postingCount.toLocaleString('en')} postings`,
    },
    {
      name: 'index heap',
      value: indexMb,
      unit: 'MB',
      ...(gc ? {} : { note: 'run with --expose-gc for a steadier figure' }),
    },
  ];
  const checks = queries(records);
  for (const { query } of checks.slice(0, 200)) index.search(query); // warm-up
  const times: Record<Kind | 'all', number[]> = { exact: [], variant: [], absent: [], all: [] };
  const found: Record<Kind, number> = { exact: 0, variant: 0, absent: 0 };
  const start = performance.now();
  for (const { kind, query } of checks) {
    const t0 = performance.now();
    const matches = index.search(query);
    const elapsed = performance.now() - t0;
    times[kind].push(elapsed);
    times.all.push(elapsed);
    if (matches.length > 0) found[kind]++;
  }
  const total = performance.now() - start;
  figures.push({ name: 'checks, one after another', value: (QUERIES / total) * 1000, unit: 'checks/s' });
  for (const kind of ['all', 'exact', 'variant', 'absent'] as const) {
    const sorted = [...times[kind]].sort((a, b) => a - b);
    const hits = kind === 'all' ? '' : `, ${found[kind]}/${sorted.length} with a match`;
    figures.push({
      name: `search, ${kind} queries, p50`,
      value: percentile(sorted, 0.5),
      unit: 'ms',
      note: `p99 ${percentile(sorted, 0.99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms${hits}`,
    });
  }
  publishBenchReport({
    title: 'Border checks: person matching',
    command: 'npm run bench:person-match',
    setup: `libs/person-match's in-memory index over ${records.length.toLocaleString('en')} synthetic wanted persons from a seeded PRNG, then ${QUERIES.toLocaleString('en')} checks (exact, variant, absent) one after another on one core. No same-run baseline: the figures are the index's own.`,
    figures,
  });
}

main();
