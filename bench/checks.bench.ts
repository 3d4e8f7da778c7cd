import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Database } from 'sqlite3';
import { HUB_CODE, type TravelDocumentRecord } from '@bureaunet/contracts';
import { createSodiumPoprf } from '@bureaunet/oprf';
import { TestNetwork, startTestNetwork, waitFor } from '@bureaunet/testing';
import { recordPoprfInput } from '@bureaunet/travel-document';
import { publishBenchReport, ratioTo, type BenchFigure } from './bench-report';

/**
 * `npm run bench:checks`: border checks on this machine, each figure beside a baseline measured in
 * the same run (a bare SQLite primary-key lookup on the replica's own table; the POPRF round trip
 * on one core, whose double is the 2-core crypto ceiling of a check).
 *
 * The replica is filled to BENCH_DOCUMENTS entries: BENCH_REAL_RECORDS real records go the whole
 * way (issuer's node → evaluator → gateway → hub's databases service → stream → replica) and the
 * rest are written straight into the replica's table as random index values with random sealed
 * blobs of the real sizes. A real entry is indistinguishable from those to anyone without the
 * number (that is the construction's point), so a lookup costs the same.
 */
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000_000);
const REAL_RECORDS = Number(process.env.BENCH_REAL_RECORDS ?? 20_000);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 20_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const HIT_SHARE = 0.01;
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 15);
const ISSUER = 'DK';
const CHECKER = 'MR';

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))];

function passportNumber(index: number): string {
  return `B${String(index).padStart(8, '0')}`;
}

function record(index: number): TravelDocumentRecord {
  return {
    documentNumber: passportNumber(index),
    issuingCountry: ISSUER,
    documentType: 'passport',
    status: 'stolen',
    reportedAt: '2026-11-30T08:00:00.000Z',
    details: { familyName: 'HANSEN', givenNames: 'Bench', incidentPlace: 'Copenhagen' },
  };
}

/** The POPRF round trip (blind, blind-evaluate with proof, finalize with proof check) on one core. */
async function oprfRoundTrip(): Promise<number> {
  const poprf = await createSodiumPoprf();
  const keys = poprf.generateKeyPair();
  const count = 2_000;
  const start = performance.now();
  for (let index = 0; index < count; index += 1) {
    const { input, info } = recordPoprfInput({ documentNumber: passportNumber(index), issuingCountry: ISSUER });
    const blinded = poprf.blind({ input, info, serverPublicKey: keys.publicKey });
    const evaluated = poprf.blindEvaluate({
      serverSecretKey: keys.secretKey,
      blindedElement: blinded.blindedElement,
      info,
    });
    poprf.finalize({ input, info, ...blinded, ...evaluated });
  }
  return count / ((performance.now() - start) / 1000);
}

function run(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}
function get<T>(db: Database, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return new Promise((resolve, reject) =>
    db.get(sql, params, (error, row) => (error ? reject(error) : resolve(row as T | undefined))),
  );
}

/** Random entries straight into the replica's table, 500 rows a statement, 100 000 a transaction. */
async function fillReplica(file: string, count: number): Promise<number> {
  const db = new Database(file);
  await run(db, 'PRAGMA busy_timeout = 30000');
  const countries = ['SE', 'NO', 'FI', 'DE', 'FR', 'IT', 'ES', 'PL', 'NL', 'BE', 'AT', 'PT', 'GR', 'IE'];
  const start = performance.now();
  try {
    for (let done = 0; done < count;) {
      await run(db, 'BEGIN IMMEDIATE');
      for (let inTransaction = 0; inTransaction < 100_000 && done < count;) {
        const rows = Math.min(500, count - done);
        const params: unknown[] = [];
        for (let row = 0; row < rows; row += 1) {
          const sealedSize = (done + row) % 5 === 0 ? 159 : 95;
          params.push(
            countries[(done + row) % countries.length],
            randomBytes(32).toString('hex'),
            1,
            'stolen',
            randomBytes(sealedSize),
            0,
          );
        }
        await run(
          db,
          `INSERT INTO sltd_replica_entry ("issuingCountry", "index", "version", "status", "sealed", "sequence") VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
          params,
        );
        done += rows;
        inTransaction += rows;
      }
      await run(db, 'COMMIT');
      process.stdout.write(`\r  filler entries: ${done.toLocaleString('en')} / ${count.toLocaleString('en')}`);
    }
    process.stdout.write('\n');
    // The replica keeps its count of reportable entries on every apply; these rows bypassed it.
    await run(db, 'UPDATE sltd_replica_state SET "reportable" = "reportable" + ? WHERE "id" = 1', [count]);
    return count / ((performance.now() - start) / 1000);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** The baseline of a check's own lookup: one primary-key read at a time on the replica's table. */
async function sqlitePkLookup(file: string, keys: readonly { country: string; index: string }[]) {
  const db = new Database(file);
  const latencies: number[] = [];
  try {
    const start = performance.now();
    for (const key of keys) {
      const at = performance.now();
      await get(db, 'SELECT "status", "sealed" FROM sltd_replica_entry WHERE "issuingCountry" = ? AND "index" = ?', [
        key.country,
        key.index,
      ]);
      latencies.push(performance.now() - at);
    }
    return { rate: keys.length / ((performance.now() - start) / 1000), p99: quantile(latencies, 0.99) };
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

async function call<T>(network: TestNetwork, code: string, role: string, method: string, path: string, body?: unknown) {
  const tokens = network.nodeTokens.get(code) as unknown as Record<string, string>;
  const response = await fetch(`${network.node(code).url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[role]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface ReplicaStatus {
  entries: number;
  appliedSequence: number;
}

/**
 * Each bench record is published once, so the replica's applied stream sequence counts the real
 * records it holds (a COUNT over ten million rows would load the node the bench measures).
 */
const replicaApplied = async (network: TestNetwork) =>
  (await call<ReplicaStatus>(network, CHECKER, 'border-officer', 'GET', '/api/checks/replica')).appliedSequence;

/** Reports records at the issuer; a 503 records-busy (its bounded queue is full) is tried again shortly. */
async function postRecords(network: TestNetwork, first: number, count: number): Promise<void> {
  const records = Array.from({ length: count }, (_, offset) => record(first + offset));
  for (;;) {
    try {
      await call(network, ISSUER, 'officer', 'POST', '/api/travel-documents', { records });
      return;
    } catch (error) {
      if (!String(error).includes('records-busy')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function loadRealRecords(network: TestNetwork) {
  const start = performance.now();
  for (let done = 0; done < REAL_RECORDS; done += 1_000)
    await postRecords(network, done, Math.min(1_000, REAL_RECORDS - done));
  const accepted = performance.now();
  await waitFor(async () => (await replicaApplied(network)) >= REAL_RECORDS, {
    what: `${REAL_RECORDS} records in ${CHECKER}'s replica`,
    timeoutMs: 600_000,
    intervalMs: 200,
  });
  const replicated = performance.now();
  return {
    acceptedRate: REAL_RECORDS / ((accepted - start) / 1000),
    replicatedRate: REAL_RECORDS / ((replicated - start) / 1000),
  };
}

async function documentChecks(network: TestNetwork) {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const body = (index: number) => {
    const hit = index % Math.round(1 / HIT_SHARE) === 0;
    const number = hit ? passportNumber(index % REAL_RECORDS) : `C${String(index).padStart(8, '0')}`;
    return { documentNumber: number, issuingCountry: ISSUER, place: 'Bench border post' };
  };
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CHECKS) {
        const index = next++;
        const at = performance.now();
        const answer = await call<{ outcome: string }>(
          network,
          CHECKER,
          'border-officer',
          'POST',
          '/api/checks/document',
          body(index),
        );
        latencies.push(performance.now() - at);
        outcomes.set(answer.outcome, (outcomes.get(answer.outcome) ?? 0) + 1);
      }
    }),
  );
  return {
    rate: CHECKS / ((performance.now() - start) / 1000),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    outcomes: Object.fromEntries(outcomes),
  };
}

/**
 * The issuer reports changes as fast as it can (one request of 100 at a time, the next when the
 * last is accepted) for LAG_SECONDS; how long each accepted change takes to reach the checker's
 * replica. Closed loop: an open-loop 1,000/s overloads this 2-core machine (see performance.md).
 */
async function replicaLag(network: TestNetwork) {
  const batches: { postedAt: number; total: number }[] = [];
  const perBatch = 100;
  let posted = 0;
  let stop = false;
  const lags: number[] = [];
  const sampler = (async () => {
    let seen = 0;
    while (!stop || seen < batches.length) {
      const entries = (await replicaApplied(network)) - REAL_RECORDS;
      const now = performance.now();
      while (seen < batches.length && batches[seen].total <= entries) {
        lags.push(now - batches[seen].postedAt);
        seen += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const start = performance.now();
  while (performance.now() - start < LAG_SECONDS * 1000) {
    await postRecords(network, REAL_RECORDS + posted, perBatch);
    posted += perBatch;
    batches.push({ postedAt: performance.now(), total: posted });
  }
  const achieved = posted / ((performance.now() - start) / 1000);
  stop = true;
  await sampler;
  return { achieved, p50: quantile(lags, 0.5), p99: quantile(lags, 0.99), max: sorted(lags).at(-1) ?? 0 };
}

async function main(): Promise<void> {
  const roundTrip = await oprfRoundTrip();
  const oneCore: BenchFigure = {
    name: 'POPRF round trip, one core (blind, evaluate, finalize)',
    value: roundTrip,
    unit: 'checks/s',
    baseline: true,
  };
  const ceiling: BenchFigure = {
    name: 'crypto ceiling of a check on 2 cores (2 × the above)',
    value: 2 * roundTrip,
    unit: 'checks/s',
    baseline: true,
  };
  const figures: BenchFigure[] = [oneCore, ceiling];

  const network = await startTestNetwork([HUB_CODE, ISSUER, CHECKER], {
    EVALUATOR_RATE_PER_SECOND: '1000000',
    EVALUATOR_BURST: '1000000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  try {
    const replicaFile = join(network.dataDir, `node-${CHECKER}`, 'node.sqlite');
    const fillerCount = Math.max(0, DOCUMENTS - REAL_RECORDS);
    // The node is the only writer of its database: the filler writes while it is stopped (an outside
    // writer that commits between a node transaction's first read and its first write leaves that
    // transaction retrying a stale snapshot — see the closing note of issue 11).
    let fillRate = 0;
    if (fillerCount > 0) {
      await network.node(CHECKER).stop();
      fillRate = await fillReplica(replicaFile, fillerCount);
      await network.node(CHECKER).restart();
    }
    figures.push({
      name: 'filler entries written into the replica',
      value: fillRate,
      unit: 'rows/s',
      note: `${fillerCount.toLocaleString('en')} rows`,
    });
    const load = await loadRealRecords(network);
    figures.push(
      { name: 'records accepted at the issuer (evaluate, seal, outbox)', value: load.acceptedRate, unit: 'records/s' },
      { name: 'records issuer → checker replica, whole path', value: load.replicatedRate, unit: 'records/s' },
    );

    const keys = await new Promise<{ country: string; index: string }[]>((resolve, reject) => {
      const db = new Database(replicaFile);
      db.all(
        'SELECT "issuingCountry" AS country, "index" FROM sltd_replica_entry ORDER BY random() LIMIT 20000',
        (error, rows) =>
          db.close(() => (error ? reject(error) : resolve(rows as { country: string; index: string }[]))),
      );
    });
    const lookup = await sqlitePkLookup(replicaFile, keys);
    figures.push({
      name: 'bare SQLite primary-key lookup on the replica',
      value: lookup.rate,
      unit: 'lookups/s',
      baseline: true,
      note: `p99 ${lookup.p99.toFixed(2)} ms`,
    });

    const checks = await documentChecks(network);
    figures.push(
      {
        name: `document checks through ${CHECKER}'s API (${IN_FLIGHT} in flight)`,
        value: checks.rate,
        unit: 'checks/s',
        against: ratioTo(ceiling, checks.rate),
        note: JSON.stringify(checks.outcomes),
      },
      { name: 'document check p50', value: checks.p50, unit: 'ms' },
      { name: 'document check p99', value: checks.p99, unit: 'ms' },
    );

    const lag = await replicaLag(network);
    figures.push({
      name: `replica lag p50, issuer at its own pace (${lag.achieved.toFixed(0)} changes/s)`,
      value: lag.p50,
      unit: 'ms',
      note: `p99 ${lag.p99.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms`,
    });
  } catch (error) {
    console.error(network.output());
    throw error;
  } finally {
    await network.teardown();
  }
  publishBenchReport({
    title: 'Border checks: travel documents',
    command: 'npm run bench:checks',
    setup:
      `A real network (hub, issuer ${ISSUER}, checker ${CHECKER}, registry, gateway, evaluator). The checker's replica holds ${DOCUMENTS.toLocaleString('en')} entries: ` +
      `${REAL_RECORDS.toLocaleString('en')} real records go the whole way (issuer's node → evaluator → gateway → hub's databases service → stream → replica), the rest are written straight into the replica's table as random index values with random sealed blobs of the real sizes. ` +
      `${CHECKS.toLocaleString('en')} document checks (${HIT_SHARE * 100} % hits) through the checker's API, ${IN_FLIGHT} in flight; then the replica's lag for ${LAG_SECONDS} s with the issuer driven closed-loop. ` +
      'Baselines in the same run: the POPRF round trip on one core (its double is the 2-core crypto ceiling of a check) and a bare SQLite primary-key lookup on the replica.',
    figures,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
