import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { LedgerLogAppender, LedgerLogReader, loadTreeState } from '@bureaunet/ledger/storage';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';
import {
  betterSqlite3Installed,
  betterSqlite3RawRate,
  openBenchDatabase,
  rawInsertSql,
  type BenchDatabase,
  type BenchDriver,
  type RawLeafRow,
} from './ledger-bench.database';
import { gatewayEntries, leavesOf, rawRowsOf, type GatewayEntry } from './ledger-bench.entries';
import { proofTimes } from './ledger-bench.proofs';

/**
 * `npm run bench:ledger`: ledger appends on SQLite (WAL, synchronous=FULL) beside the same rows
 * written by a raw multi-row INSERT (no encoding, hashing or tree state) in a fresh file of the same
 * run; the raw INSERT through better-sqlite3; the lag of the ledger behind a steady stream of
 * submissions; proofs from the database at 100k+ leaves.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PROOF_LEAVES = Number(process.env.BENCH_PROOF_LEAVES ?? 200_000);
const PROOFS = Number(process.env.BENCH_PROOFS ?? 1_000);
/** Submissions/s offered: 2,000 is the end-to-end goal, about 4 entries a message (accepted, 2 deliveries, receipt). */
const LAG_SUBMISSIONS_PER_SECOND = (process.env.BENCH_LAG_RATES ?? '500,2000').split(',').map(Number);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 10);
const LAG_CALLERS = 32;
const GOAL_ENTRIES = 100_000;
const GOAL_RATIO = 0.5;

interface Shape {
  name: string;
  batch: number;
  callers: number;
  total: number;
  /** The gateway's way: each caller's entries collected and appended once per group commit. */
  collected: boolean;
}

const SHAPES: Shape[] = [
  { name: '4/txn', batch: 4, callers: 1, total: 2_000, collected: false },
  { name: '4/submission, 64 callers collected', batch: 4, callers: 64, total: 20_000, collected: true },
  { name: '16/txn', batch: 16, callers: 1, total: 8_000, collected: false },
  { name: '100/txn', batch: 100, callers: 1, total: 20_000, collected: false },
  { name: '1000/txn', batch: 1000, callers: 1, total: 60_000, collected: false },
].map((shape) => ({ ...shape, total: Math.max(shape.batch * shape.callers, Math.round(shape.total * SCALE)) }));

interface Rate {
  perSecond: number;
  p99Ms: number;
}

type Write = (db: BenchDatabase, manager: EntityManager, offset: number, count: number) => Promise<void>;

/** `callers` concurrent writers, each committing `batch` entries per call through the SerialWriter. */
async function measure(shape: Shape, write: Write, isLedger: boolean, driver: BenchDriver = 'sqlite3'): Promise<Rate> {
  const db = await openBenchDatabase(driver);
  try {
    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: shape.callers }, async () => {
        while (next < shape.total) {
          const offset = next;
          const count = Math.min(shape.batch, shape.total - offset);
          next += count;
          const began = performance.now();
          await db.writer.transaction((manager) => write(db, manager, offset, count));
          latencies.push(performance.now() - began);
        }
      }),
    );
    const perSecond = shape.total / ((performance.now() - start) / 1000);
    if (isLedger) await checkTree(db, shape.total);
    return { perSecond, p99Ms: percentile(latencies, 0.99) };
  } finally {
    await db.close();
  }
}

/** The baseline: the ledger's very rows, one raw multi-row INSERT per call, 500 rows a statement. */
function rawWrite(rows: readonly RawLeafRow[]): Write {
  return async (_db, manager, offset, count) => {
    for (let start = offset; start < offset + count; start += 500) {
      const part = rows.slice(start, Math.min(start + 500, offset + count));
      await manager.query(rawInsertSql(part.length), part.flat());
    }
  };
}

function ledgerWrite(shape: Shape, entries: readonly GatewayEntry[]): Write {
  const appender = new LedgerLogAppender();
  const now = new Date();
  const key = {};
  return (db, manager, offset, count) => {
    const leaves = leavesOf(entries.slice(offset, offset + count));
    if (!shape.collected) return appender.append(manager, leaves, now).then(() => undefined);
    // As LedgerRecorder does: the jobs sharing a group commit append their entries all at once.
    db.writer.collect(manager, key, leaves, (inner, all) => appender.append(inner, all, now).then(() => undefined));
    return Promise.resolve();
  };
}

/** The stored state after the run equals the root recomputed from the stored leaves. */
async function checkTree(db: BenchDatabase, total: number): Promise<void> {
  const state = await loadTreeState(db.dataSource.manager);
  const root = await new LedgerLogReader(db.dataSource).rootAt(total);
  if (state.range.size !== total || !root.equals(state.range.root()))
    throw new Error(`tree after the run: size ${state.range.size}, root mismatch`);
}

/**
 * Lag under load: LAG_CALLERS callers submit 4-entry appends on a fixed schedule (open loop, the
 * gateway's collected path); the latency of each is from its scheduled time to its commit, so a
 * ledger that falls behind shows it rather than slowing the schedule down.
 */
async function lagUnderLoad(
  submissionsPerSecond: number,
): Promise<{ entriesPerSecond: number; p50Ms: number; p99Ms: number; offered: number }> {
  const submissions = Math.round(submissionsPerSecond * LAG_SECONDS);
  const entries = gatewayEntries(submissions * 4);
  const db = await openBenchDatabase();
  try {
    const appender = new LedgerLogAppender();
    const key = {};
    const latencies: number[] = [];
    const interval = 1000 / submissionsPerSecond;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: LAG_CALLERS }, async (_, caller) => {
        for (let k = caller; k < submissions; k += LAG_CALLERS) {
          const due = start + k * interval;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const leaves = leavesOf(entries.slice(k * 4, k * 4 + 4));
          await db.writer.transaction((manager) => {
            db.writer.collect(manager, key, leaves, (inner, all) =>
              appender.append(inner, all, new Date()).then(() => undefined),
            );
            return Promise.resolve();
          });
          latencies.push(performance.now() - due);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    await checkTree(db, submissions * 4);
    return {
      entriesPerSecond: (submissions * 4) / seconds,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      offered: submissionsPerSecond * 4,
    };
  } finally {
    await db.close();
  }
}

function medianRate(rates: readonly Rate[]): Rate {
  return [...rates].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(rates.length / 2)];
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const BetterSqlite3 = betterSqlite3Installed();

async function appendFigures(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const shape of SHAPES) {
    const entries = gatewayEntries(shape.total);
    const rows = rawRowsOf(entries);
    // Raw and ledger alternate, ROUNDS times, each in a fresh file; the median run of each counts,
    // so a burst of load from other work on the machine moves both alike.
    const withBetter = BetterSqlite3 !== undefined && (shape.collected || shape.batch === 1000);
    const raws: Rate[] = [];
    const ledgers: Rate[] = [];
    const betterRaws: number[] = [];
    const betterLedgers: Rate[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      raws.push(await measure(shape, rawWrite(rows), false));
      ledgers.push(await measure(shape, ledgerWrite(shape, entries), true));
      if (!withBetter) continue;
      if (!shape.collected) betterRaws.push(betterSqlite3RawRate(BetterSqlite3, rows, shape.batch, 500));
      // The same appender, SerialWriter and TypeORM, on TypeORM's better-sqlite3 driver instead.
      betterLedgers.push(await measure(shape, ledgerWrite(shape, entries), true, 'better-sqlite3'));
    }
    const raw = medianRate(raws);
    const ledger = medianRate(ledgers);
    const baseline: BenchFigure = {
      name: `raw INSERT, ${shape.name}`,
      value: raw.perSecond,
      unit: 'entries/s',
      baseline: true,
      note: `commit p99 ${raw.p99Ms.toFixed(1)} ms`,
    };
    figures.push(baseline, {
      name: `ledger, ${shape.name}`,
      value: ledger.perSecond,
      unit: 'entries/s',
      against: ratioTo(baseline, ledger.perSecond),
      goal: {
        text: `≥ ${GOAL_RATIO * 100} % of raw multi-row SQLite`,
        met: ledger.perSecond >= GOAL_RATIO * raw.perSecond,
      },
      note: `commit p99 ${ledger.p99Ms.toFixed(1)} ms`,
    });
    if (shape.collected || shape.batch === 1000)
      figures.push({
        name: `ledger, ${shape.name} (absolute)`,
        value: ledger.perSecond,
        unit: 'entries/s',
        goal: { text: '≥ 100 k entries/s', met: ledger.perSecond >= GOAL_ENTRIES },
      });
    if (betterRaws.length > 0) {
      const better = medianRate(betterRaws.map((perSecond) => ({ perSecond, p99Ms: 0 }))).perSecond;
      figures.push({
        name: `raw INSERT, ${shape.name}, better-sqlite3 12.11.1`,
        value: better,
        unit: 'entries/s',
        baseline: true,
        against: ratioTo(baseline, better),
      });
    }
    if (betterLedgers.length > 0) {
      const onBetter = medianRate(betterLedgers);
      figures.push({
        name: `ledger, ${shape.name}, TypeORM on better-sqlite3`,
        value: onBetter.perSecond,
        unit: 'entries/s',
        against: ratioTo(baseline, onBetter.perSecond),
        note: `${(onBetter.perSecond / ledger.perSecond).toFixed(2)}× on sqlite3; commit p99 ${onBetter.p99Ms.toFixed(1)} ms`,
      });
    }
  }
  return figures;
}

async function main(): Promise<void> {
  const figures = process.env.BENCH_APPENDS === '0' ? [] : await appendFigures();
  for (const rate of LAG_SUBMISSIONS_PER_SECOND) {
    const lag = await lagUnderLoad(rate);
    const offered = `${lag.offered.toLocaleString('en-US')} entries/s offered`;
    figures.push(
      {
        name: `lag: ${LAG_CALLERS} callers, 4-entry submissions, ${offered}: achieved`,
        value: lag.entriesPerSecond,
        unit: 'entries/s',
      },
      { name: `lag at ${offered}: scheduled submission → commit, p50`, value: lag.p50Ms, unit: 'ms' },
      { name: `lag at ${offered}: scheduled submission → commit, p99`, value: lag.p99Ms, unit: 'ms' },
    );
  }
  const proofs = await proofTimes(PROOF_LEAVES, PROOFS);
  figures.push(
    {
      name: `log of ${PROOF_LEAVES.toLocaleString('en-US')} leaves built (1000 per transaction)`,
      value: PROOF_LEAVES / proofs.buildSeconds,
      unit: 'entries/s',
    },
    { name: 'tree state load on start (border + checks)', value: proofs.loadMs, unit: 'ms' },
    {
      name: `inclusion proof from the database, ${PROOFS} random leaves, p50`,
      value: percentile(proofs.inclusion, 0.5),
      unit: 'ms',
      note: `p99 ${percentile(proofs.inclusion, 0.99).toFixed(2)} ms`,
    },
    {
      name: `consistency proof from the database, ${PROOFS} random sizes, p50`,
      value: percentile(proofs.consistency, 0.5),
      unit: 'ms',
      note: `p99 ${percentile(proofs.consistency, 0.99).toFixed(2)} ms`,
    },
  );
  publishBenchReport({
    title: 'The ledger',
    command: 'npm run bench:ledger',
    setup:
      `SQLite WAL + synchronous=FULL, Node ${process.version}, TypeORM + sqlite3 through the SerialWriter unless ` +
      'named. "N/txn": N entries a transaction, one caller; "collected": 64 callers each appending a 4-entry ' +
      "submission, the entries of a group commit appended at once as the gateway's LedgerRecorder does. Each " +
      'ledger figure (canonical JSON, leaf hash, compact range, stored subtrees, tree state) stands beside the raw ' +
      'multi-row INSERT of the very same rows (500 a statement, same columns and indexes, no encoding or ' +
      `hashing), each in a fresh file, alternating ${ROUNDS} times (median). UUIDv4 envelope ids, so both indexed columns take random keys.`,
    figures,
    findings: FINDINGS,
  });
}

/** What the profiles showed (`node --cpu-prof` of the append path, 2026-12-02, machine under load ~10-14). */
const FINDINGS: string[] = [
  '- Before (e9d68f3) the JS thread spent ~25 µs an entry: canonical JSON ~16 µs of it (a `$.a.b` path string and ' +
    "a regex built for every member for errors never thrown, and a deep copy of every entry's data), SHA-256 " +
    'through a Hash object 2-4 µs, a UTF-8 round trip, TypeORM and sqlite3 binding ~3 µs. The rest is SQLite on ' +
    "libuv's pool: the JS thread waited for it ~50 % of the run.",
  '- Changed (same bytes, same tree): paths built only for an error and data copied only when it has undefined ' +
    'members (encoding ~30 % cheaper), one-shot `crypto.hash` (~25 % a hash), `isUtf8` before the tree state ' +
    'moves (a refused leaf no longer leaves the state row ahead of the leaves), INSERT parameters straight from ' +
    'the leaves. After it the JS thread is idle ~50 % of an append: SQLite is the cost.',
  '- ≥ 100 k entries/s is missed by the raw baseline itself: the same rows with the same two indexes reach ' +
    '47-64 k/s into a 10 k-row table and 17-21 k/s over 60 k rows on this loaded machine. Both indexed columns ' +
    'take random keys (hex leaf hash, UUIDv4 ids), so each row dirties its own index pages and a commit writes ' +
    'them all to the WAL; a bigger page cache did not help. What would close it is fewer or narrower random-key ' +
    'index writes (the leaf hash as a 32-byte BLOB, or an index on a prefix: schema changes, not made) and ' +
    'better-sqlite3; UUIDv7 ids, which nodes send, make the envelope index append-mostly.',
  "- The gateway's shape is bound by the SerialWriter, not the ledger: each job costs a SAVEPOINT and a RELEASE " +
    '(one statement each through TypeORM and a thread hop) while the ledger writes once per commit, so ledger ' +
    '/ raw there is ~3/2, the statement count ratio. A job that only collects could skip its savepoint ' +
    '(libs/persistence).',
  "- better-sqlite3 under TypeORM (its own driver, same entities, SerialWriter and appender, so the ledger's " +
    'statements share the transaction) removes the thread hop per statement: 2× on the collected shape in one ' +
    'run. Its cost: every statement and the COMMIT fsync block the event loop, which the gateway also needs for ' +
    'NATS. Not rewired: a change of the data source in libs/persistence, measured here only.',
  '- Not done: storing the border less often (the compare-and-set UPDATE of the state row is also what detects ' +
    'a rolled-back append); INSERTs of 1000 rows instead of 500 measured +0-15 %, inside the noise.',
];

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
