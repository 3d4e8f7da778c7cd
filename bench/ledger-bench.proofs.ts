import { performance } from 'node:perf_hooks';
import { InMemorySubtreeHashSource, consistencyProof, hashLeaf, inclusionProof } from '@bureaunet/ledger';
import { LedgerLogAppender, LedgerLogReader, loadTreeState } from '@bureaunet/ledger/storage';
import { openBenchDatabase } from './ledger-bench.database';
import { gatewayEntries, leavesOf } from './ledger-bench.entries';

/** A log of `size` leaves built 1000 a transaction, then proofs from the database, spot-checked against memory. */
export async function proofTimes(
  size: number,
  proofs: number,
): Promise<{
  buildSeconds: number;
  loadMs: number;
  inclusion: number[];
  consistency: number[];
}> {
  const db = await openBenchDatabase();
  try {
    const appender = new LedgerLogAppender();
    const memory = new InMemorySubtreeHashSource();
    const now = new Date();
    const started = performance.now();
    for (let offset = 0; offset < size; offset += 1000) {
      const leaves = leavesOf(gatewayEntries(Math.min(1000, size - offset)));
      await db.writer.transaction((manager) => appender.append(manager, leaves, now));
      leaves.forEach((leaf) => memory.append(hashLeaf(leaf.leafInput)));
    }
    const buildSeconds = (performance.now() - started) / 1000;
    const loadStart = performance.now();
    await loadTreeState(db.dataSource.manager);
    const loadMs = performance.now() - loadStart;
    const reader = new LedgerLogReader(db.dataSource);
    const inclusion: number[] = [];
    const consistency: number[] = [];
    for (let i = 0; i < proofs; i++) {
      const index = Math.floor(Math.random() * size);
      let began = performance.now();
      const [path] = await reader.inclusionProofs([index], size);
      inclusion.push(performance.now() - began);
      const first = 1 + Math.floor(Math.random() * (size - 1));
      began = performance.now();
      const proof = await reader.consistencyProof(first, size);
      consistency.push(performance.now() - began);
      // Spot-check against the in-memory builder.
      if (i < 50) {
        const expected = await inclusionProof(memory, index, size);
        const expectedConsistency = await consistencyProof(memory, first, size);
        if (!sameHashes(path, expected) || !sameHashes(proof, expectedConsistency))
          throw new Error(`proof from the database differs at leaf ${index} / first ${first}`);
      }
    }
    return { buildSeconds, loadMs, inclusion, consistency };
  } finally {
    await db.close();
  }
}

function sameHashes(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  return a.length === b.length && a.every((hash, i) => hash.equals(b[i]));
}
