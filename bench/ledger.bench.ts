import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Column, DataSource, Entity, Index, PrimaryColumn, type EntityManager } from 'typeorm';
import {
  InMemorySubtreeHashSource,
  consistencyProof,
  encodeLedgerEntry,
  hashLeaf,
  inclusionProof,
} from '@bureaunet/ledger';
import {
  LEDGER_LOG_ENTITIES,
  LedgerLogAppender,
  LedgerLogReader,
  loadTreeState,
  type LeafToAppend,
} from '@bureaunet/ledger/storage';
import { SerialWriter, applyDurabilityPragmas, sqliteDataSourceOptions } from '@bureaunet/persistence';

/**
 * `npm run bench:ledger`: sustained ledger appends on SQLite (WAL, synchronous=FULL) against the
 * same rows written by a raw multi-row INSERT without hashing, in the same run; then proof
 * generation from the database at 100k+ leaves.
 */
const APPEND_ENTRIES = Number(process.env.BENCH_ENTRIES ?? 40_000);
const PROOF_LEAVES = Number(process.env.BENCH_PROOF_LEAVES ?? 200_000);
const PROOFS = Number(process.env.BENCH_PROOFS ?? 1_000);

/** The baseline: the leaf table's columns and indexes, filled without hashing or tree state. */
@Entity('bench_raw_leaf')
class RawLeafEntity {
  @PrimaryColumn({ name: 'leaf_index', type: 'integer' }) leafIndex!: number;
  @Column({ name: 'leaf_input', type: 'text' }) leafInput!: string;
  @Index() @Column({ name: 'leaf_hash', type: 'varchar', length: 64 }) leafHash!: string;
  @Index() @Column({ name: 'envelope_id', type: 'varchar', length: 80, nullable: true }) envelopeId!: string | null;
  @Column({ type: 'varchar', length: 40 }) type!: string;
  @Column({ type: 'varchar', length: 30 }) at!: string;
}

interface Database {
  dataSource: DataSource;
  writer: SerialWriter;
  close(): Promise<void>;
}

async function openDatabase(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'bureaunet-ledger-bench-'));
  const dataSource = await new DataSource(
    sqliteDataSourceOptions({
      database: join(dir, 'ledger.sqlite'),
      entities: [...LEDGER_LOG_ENTITIES, RawLeafEntity],
    }),
  ).initialize();
  await applyDurabilityPragmas(dataSource);
  return {
    dataSource,
    writer: new SerialWriter(dataSource),
    async close() {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Gateway-like entries: an accepted submission, its deliveries and a receipt, ~300-400 bytes each. */
function gatewayEntries(count: number): Array<Omit<LeafToAppend, 'leafInput'> & { data: Record<string, unknown> }> {
  const at = new Date();
  return Array.from({ length: count }, (_, i) => {
    const envelopeId = randomUUID();
    const digest = createHash('sha256').update(envelopeId).digest('base64url');
    const shapes: Array<[string, Record<string, unknown>]> = [
      [
        'submission-accepted',
        { from: 'DK', kind: 'diffusion', to: ['MR', 'FR'], digest, meta: { priority: 'urgent', noticeType: 'red' } },
      ],
      ['delivery', { to: 'MR' }],
      ['delivery', { to: 'FR' }],
      ['receipt', { receiptId: randomUUID(), from: 'MR', digest }],
    ];
    const [type, data] = shapes[i % shapes.length];
    return { type, envelopeId, at: at.toISOString(), data };
  });
}

function leavesOf(entries: ReturnType<typeof gatewayEntries>): LeafToAppend[] {
  return entries.map(({ type, envelopeId, at, data }) => ({
    type,
    envelopeId,
    at,
    leafInput: encodeLedgerEntry({ type, envelopeId, at: new Date(at), data }),
  }));
}

interface Rate {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** `callers` concurrent writers, each committing `batch` entries per transaction through the SerialWriter. */
async function measure(
  db: Database,
  total: number,
  batch: number,
  callers: number,
  write: (manager: EntityManager, offset: number, count: number) => Promise<void>,
): Promise<Rate> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < total) {
        const offset = next;
        const count = Math.min(batch, total - offset);
        next += count;
        const began = performance.now();
        await db.writer.transaction((manager) => write(manager, offset, count));
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: total / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function appendRates(
  batch: number,
  callers: number,
): Promise<{ baseline: Rate; ledger: Rate; collected?: Rate }> {
  const total = batch >= 100 ? APPEND_ENTRIES * 2 : APPEND_ENTRIES;
  const entries = gatewayEntries(total);
  const db = await openDatabase();
  try {
    // Baseline: the very rows the ledger writes (canonical JSON and leaf hash computed beforehand,
    // outside the timing), one raw multi-row INSERT per transaction into a table with the same
    // columns and indexes: no encoding, no hashing, no tree state.
    const rawRows: RawLeafEntity[] = leavesOf(entries).map((leaf, i) => ({
      leafIndex: i,
      leafInput: leaf.leafInput.toString('utf8'),
      leafHash: hashLeaf(leaf.leafInput).toString('hex'),
      envelopeId: leaf.envelopeId,
      type: leaf.type,
      at: leaf.at,
    }));
    const baseline = await measure(db, total, batch, callers, async (manager, offset, count) => {
      const rows = rawRows.slice(offset, offset + count);
      const parameters = rows.flatMap((row) => [
        row.leafIndex,
        row.leafInput,
        row.leafHash,
        row.envelopeId,
        row.type,
        row.at,
      ]);
      await manager.query(
        `INSERT INTO bench_raw_leaf (leaf_index, leaf_input, leaf_hash, envelope_id, type, at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        parameters,
      );
    });
    // The ledger: canonical JSON, leaf hash, compact range, stored subtrees and tree state, in the transaction.
    const appender = new LedgerLogAppender();
    const now = new Date();
    const ledger = await measure(db, total, batch, callers, async (manager, offset, count) => {
      await appender.append(manager, leavesOf(entries.slice(offset, offset + count)), now);
    });
    await checkTree(db, total);
    if (callers === 1) return { baseline, ledger };
    // As the gateway does it (LedgerRecorder): each job hands its entries to SerialWriter.collect,
    // and the jobs sharing a group commit append them all at once, just before COMMIT.
    const key = {};
    const fresh = await openDatabase();
    try {
      const collecting = new LedgerLogAppender();
      const collected = await measure(fresh, total, batch, callers, (manager, offset, count) => {
        fresh.writer.collect(manager, key, leavesOf(entries.slice(offset, offset + count)), (inner, all) =>
          collecting.append(inner, all, now).then(() => undefined),
        );
        return Promise.resolve();
      });
      await checkTree(fresh, total);
      return { baseline, ledger, collected };
    } finally {
      await fresh.close();
    }
  } finally {
    await db.close();
  }
}

/** The stored state after the run equals the root recomputed from the stored leaves. */
async function checkTree(db: Database, total: number): Promise<void> {
  const state = await loadTreeState(db.dataSource.manager);
  const reader = new LedgerLogReader(db.dataSource);
  const root = await reader.rootAt(total);
  if (state.range.size !== total || !root.equals(state.range.root()))
    throw new Error(`tree after the run: size ${state.range.size}, root mismatch`);
}

async function proofTimes(): Promise<{
  leaves: number;
  buildSeconds: number;
  loadMs: number;
  inclusionMs: number[];
  consistencyMs: number[];
}> {
  const db = await openDatabase();
  try {
    const appender = new LedgerLogAppender();
    const memory = new InMemorySubtreeHashSource();
    const now = new Date();
    const started = performance.now();
    for (let offset = 0; offset < PROOF_LEAVES; offset += 1000) {
      const leaves = leavesOf(gatewayEntries(Math.min(1000, PROOF_LEAVES - offset)));
      await db.writer.transaction((manager) => appender.append(manager, leaves, now));
      leaves.forEach((leaf) => memory.append(hashLeaf(leaf.leafInput)));
    }
    const buildSeconds = (performance.now() - started) / 1000;
    const loadStart = performance.now();
    await loadTreeState(db.dataSource.manager);
    const loadMs = performance.now() - loadStart;

    const reader = new LedgerLogReader(db.dataSource);
    const size = PROOF_LEAVES;
    const inclusionMs: number[] = [];
    const consistencyMs: number[] = [];
    for (let i = 0; i < PROOFS; i++) {
      const index = Math.floor(Math.random() * size);
      let began = performance.now();
      const [path] = await reader.inclusionProofs([index], size);
      inclusionMs.push(performance.now() - began);
      const first = 1 + Math.floor(Math.random() * (size - 1));
      began = performance.now();
      const proof = await reader.consistencyProof(first, size);
      consistencyMs.push(performance.now() - began);
      if (i < 50) {
        // Spot-check against the in-memory builder.
        const expected = await inclusionProof(memory, index, size);
        const expectedConsistency = await consistencyProof(memory, first, size);
        if (!sameHashes(path, expected) || !sameHashes(proof, expectedConsistency))
          throw new Error(`proof from the database differs at leaf ${index} / first ${first}`);
      }
    }
    return { leaves: size, buildSeconds, loadMs, inclusionMs, consistencyMs };
  } finally {
    await db.close();
  }
}

function sameHashes(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  return a.length === b.length && a.every((hash, i) => hash.equals(b[i]));
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const row = (name: string, value: string, note = '') =>
    console.log(`${name.padEnd(58)} ${value.padStart(14)}  ${note}`);
  console.log(`bureaunet ledger benchmark — SQLite WAL + synchronous=FULL, Node ${process.version}`);
  const shapes: Array<[string, number, number]> = [
    ['4 entries per transaction, one caller', 4, 1],
    ['4 entries per transaction, 64 concurrent callers', 4, 64],
    ['16 entries per transaction, one caller', 16, 1],
    ['100 entries per transaction, one caller', 100, 1],
    ['1000 entries per transaction, one caller', 1000, 1],
  ];
  // BENCH_APPENDS=0 measures proofs only (e.g. with BENCH_PROOF_LEAVES=1000000).
  for (const [name, batch, callers] of process.env.BENCH_APPENDS === '0' ? [] : shapes) {
    const { baseline, ledger, collected } = await appendRates(batch, callers);
    row(
      `${name}: raw INSERT (baseline)`,
      `${baseline.perSecond.toFixed(0)}/s`,
      `commit p50 ${baseline.p50Ms.toFixed(2)} ms, p99 ${baseline.p99Ms.toFixed(2)} ms`,
    );
    row(
      `${name}: ledger append`,
      `${ledger.perSecond.toFixed(0)}/s`,
      `${(ledger.perSecond / baseline.perSecond).toFixed(2)}× baseline; commit p50 ${ledger.p50Ms.toFixed(2)} ms, p99 ${ledger.p99Ms.toFixed(2)} ms`,
    );
    if (collected)
      row(
        `${name}: ledger append collected per commit (gateway)`,
        `${collected.perSecond.toFixed(0)}/s`,
        `${(collected.perSecond / baseline.perSecond).toFixed(2)}× baseline; commit p50 ${collected.p50Ms.toFixed(2)} ms, p99 ${collected.p99Ms.toFixed(2)} ms`,
      );
  }
  const proofs = await proofTimes();
  row(
    `log of ${proofs.leaves} leaves built (1000 per transaction)`,
    `${proofs.buildSeconds.toFixed(1)} s`,
    `${(proofs.leaves / proofs.buildSeconds).toFixed(0)}/s`,
  );
  row('tree state load on start (border + checks)', `${proofs.loadMs.toFixed(2)} ms`);
  row(
    `inclusion proof from the database, ${PROOFS} random leaves`,
    `${percentile(proofs.inclusionMs, 0.5).toFixed(2)} ms`,
    `p50; p99 ${percentile(proofs.inclusionMs, 0.99).toFixed(2)} ms`,
  );
  row(
    `consistency proof from the database, ${PROOFS} random sizes`,
    `${percentile(proofs.consistencyMs, 0.5).toFixed(2)} ms`,
    `p50; p99 ${percentile(proofs.consistencyMs, 0.99).toFixed(2)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
