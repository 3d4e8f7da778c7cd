import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { SerialWriter, applyDurabilityPragmas, dataSourceOptions, openDataSource } from '@bureaunet/persistence';
import { throwawayPostgresUrl } from '@bureaunet/testing';
import { InMemorySubtreeHashSource, consistencyProof, hashLeaf, inclusionProof } from '../merkle';
import { referenceRoot } from '../merkle/merkle-tree.reference';
import { encodeLedgerEntry } from '../log/ledger-entry';
import { LogLeafEntity } from './log-leaf.entity';
import { LedgerLogAppender, loadTreeState, type LeafToAppend } from './log.appender';
import { LEDGER_LOG_ENTITIES } from './log.entities';
import { LedgerLogReader } from './log.reader';

const at = new Date('2026-11-25T10:00:00.000Z');

function leaf(n: number): LeafToAppend {
  const envelopeId = `envelope-${Math.floor(n / 3)}`;
  return {
    type: 'delivery',
    envelopeId,
    at: at.toISOString(),
    leafInput: encodeLedgerEntry({ type: 'delivery', envelopeId, at, data: { to: 'MR', n } }),
  };
}
const leaves = (from: number, count: number): LeafToAppend[] => Array.from({ length: count }, (_, i) => leaf(from + i));
const hexes = (hashes: readonly Buffer[]) => hashes.map((hash) => hash.toString('hex'));

describe('the ledger log on a real database (SQLite, or PostgreSQL when the run is on it)', () => {
  let dir: string;
  let url: string | undefined;
  let dataSource: DataSource;
  let writer: SerialWriter;

  async function open(): Promise<void> {
    dataSource = await openDataSource(
      dataSourceOptions({ database: join(dir, 'ledger.sqlite'), url, entities: LEDGER_LOG_ENTITIES }),
    );
    await applyDurabilityPragmas(dataSource);
    writer = new SerialWriter(dataSource);
  }

  async function storedLeafInputs(): Promise<Buffer[]> {
    const rows = await dataSource.manager.find(LogLeafEntity, { order: { leafIndex: 'ASC' } });
    rows.forEach((row, i) => expect(row.leafIndex).toBe(i));
    return rows.map((row) => Buffer.from(row.leafInput, 'utf8'));
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-ledger-'));
    url = await throwawayPostgresUrl('ledger');
    await open();
  });

  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('continues the same tree after a restart: size and root carry over, and later leaves extend it', async () => {
    const appender = new LedgerLogAppender();
    for (let n = 0; n < 300; n += 30)
      await writer.transaction((manager) => appender.append(manager, leaves(n, 30), at));
    const before = await loadTreeState(dataSource.manager);
    await dataSource.destroy();

    await open();
    const restarted = await loadTreeState(dataSource.manager);
    expect(restarted.range.size).toBe(300);
    expect(restarted.rootHex).toBe(before.rootHex);
    const result = await writer.transaction((manager) => new LedgerLogAppender().append(manager, leaves(300, 7), at));
    expect(result).toMatchObject({ firstIndex: 300, treeSize: 307 });
    const all = await storedLeafInputs();
    expect(result.rootHash.toString('hex')).toBe(referenceRoot(all).toString('hex'));
    expect(hexes(all.map(hashLeaf))).toEqual(hexes(leaves(0, 307).map((item) => hashLeaf(item.leafInput))));
  });

  it('serves the same inclusion and consistency proofs from the database as the in-memory builder', async () => {
    const appender = new LedgerLogAppender();
    const size = 1_100; // past four stored 256-leaf subtrees and a level-10 one
    for (let n = 0; n < size; n += 100)
      await writer.transaction((manager) => appender.append(manager, leaves(n, 100), at));
    const memory = new InMemorySubtreeHashSource(leaves(0, size).map((item) => hashLeaf(item.leafInput)));
    const reader = new LedgerLogReader(dataSource);
    const sizes = [1, 2, 3, 255, 256, 257, 511, 512, 513, 1023, 1024, 1025, size];
    for (const treeSize of sizes) {
      expect((await reader.rootAt(treeSize)).toString('hex')).toBe(memory.subtreeRoot(0, treeSize).toString('hex'));
      const indices = [0, treeSize - 1, Math.floor(treeSize / 2), Math.floor(treeSize / 3)];
      const proofs = await reader.inclusionProofs(indices, treeSize);
      for (const [i, index] of indices.entries())
        expect(hexes(proofs[i])).toEqual(hexes(await inclusionProof(memory, index, treeSize)));
      for (const first of [0, 1, Math.floor(treeSize / 2), treeSize - 1, treeSize].filter((n) => n >= 0)) {
        expect(hexes(await reader.consistencyProof(first, treeSize))).toEqual(
          hexes(await consistencyProof(memory, first, treeSize)),
        );
      }
    }
    expect(await reader.leafIndexByHash(hashLeaf(leaf(700).leafInput), size)).toBe(700);
    expect(await reader.leafIndexByHash(hashLeaf(leaf(700).leafInput), 700)).toBeUndefined();
    expect((await reader.leavesAbout(['envelope-10'], size)).map((row) => row.leafIndex)).toEqual([30, 31, 32]);
  });

  it('serialises concurrent appends through the SerialWriter: contiguous indices, one tree', async () => {
    const appender = new LedgerLogAppender();
    const batches = Array.from({ length: 60 }, (_, i) => 1 + (i % 5));
    const offsets = batches.map((_, i) => batches.slice(0, i).reduce((sum, count) => sum + count, 0));
    const results = await Promise.all(
      batches.map((count, i) =>
        writer.transaction((manager) => appender.append(manager, leaves(offsets[i], count), at)),
      ),
    );
    const firstIndices = results.map((result) => result.firstIndex).sort((a, b) => a - b);
    const total = batches.reduce((sum, count) => sum + count, 0);
    // Each call got its own contiguous slice; together they cover 0..total-1 once.
    const covered = results
      .flatMap((result, i) => Array.from({ length: batches[i] }, (_, k) => result.firstIndex + k))
      .sort((a, b) => a - b);
    expect(covered).toEqual(Array.from({ length: total }, (_, k) => k));
    expect(new Set(firstIndices).size).toBe(batches.length);
    const state = await loadTreeState(dataSource.manager);
    expect(state.range.size).toBe(total);
    expect(state.rootHex).toBe(referenceRoot(await storedLeafInputs()).toString('hex'));
  });

  it('appends from the committed state after a transaction that appended was rolled back', async () => {
    const appender = new LedgerLogAppender();
    await writer.transaction((manager) => appender.append(manager, leaves(0, 3), at));
    await expect(
      writer.transaction(async (manager) => {
        await appender.append(manager, leaves(100, 4), at);
        throw new Error('the caller failed after appending');
      }),
    ).rejects.toThrow('the caller failed');
    const result = await writer.transaction((manager) => appender.append(manager, leaves(3, 2), at));
    expect(result).toMatchObject({ firstIndex: 3, treeSize: 5 });
    const all = await storedLeafInputs();
    expect(all.map((bytes) => bytes.toString())).toEqual(leaves(0, 5).map((item) => item.leafInput.toString()));
    expect(result.rootHash.toString('hex')).toBe(referenceRoot(all).toString('hex'));
  });

  it('refuses to append when the tree state and the leaves disagree, rather than fork the log', async () => {
    const appender = new LedgerLogAppender();
    await writer.transaction((manager) => appender.append(manager, leaves(0, 4), at));
    await dataSource.manager.delete(LogLeafEntity, { leafIndex: 3 });
    appender.reset();
    await expect(writer.transaction((manager) => appender.append(manager, leaves(4, 1), at))).rejects.toMatchObject({
      code: 'state-mismatch',
      message: 'the tree state says 4 leaves, the leaf table holds 3',
    });
  });

  it('refuses a leaf that is not valid UTF-8 by name, before the tree state moves', async () => {
    const appender = new LedgerLogAppender();
    await writer.transaction((manager) => appender.append(manager, leaves(0, 3), at));
    const bad = { ...leaf(3), leafInput: Buffer.from([0x7b, 0xff, 0x7d]) };
    const result = await writer.transaction(async (manager) => {
      // The caller goes on in the same transaction: nothing of the refused append may be in it.
      await expect(appender.append(manager, [leaf(3), bad], at)).rejects.toMatchObject({
        code: 'bad-entry',
        message: 'leaf 1 of the append is not valid UTF-8',
      });
      return appender.append(manager, leaves(3, 2), at);
    });
    expect(result).toMatchObject({ firstIndex: 3, treeSize: 5 });
    const all = await storedLeafInputs();
    expect(result.rootHash.toString('hex')).toBe(referenceRoot(all).toString('hex'));
    expect((await loadTreeState(dataSource.manager)).rootHex).toBe(result.rootHash.toString('hex'));
  });

  it('refuses an append outside a transaction', async () => {
    await expect(new LedgerLogAppender().append(dataSource.manager, leaves(0, 1), at)).rejects.toThrow(
      /inside the caller's transaction/,
    );
  });
});
