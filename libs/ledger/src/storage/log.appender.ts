import { isUtf8 } from 'node:buffer';
import type { EntityManager, QueryRunner } from 'typeorm';
import { sqlStatements } from '@bureaunet/persistence';
import { CompactRange, EMPTY_ROOT, hashLeaf } from '../merkle';
import { AppendStatements } from './append.statements';
import { appendCollectingSubtrees, type CompletedSubtree } from './completed-subtrees';
import { LedgerLogError } from '../log/ledger-log.errors';
import { LogLeafEntity } from './log-leaf.entity';
import { LogTreeStateEntity, TREE_STATE_ROW_ID } from './log-tree-state.entity';

export interface LeafToAppend {
  /** The exact bytes hashed into the leaf: canonical JSON (see encodeLedgerEntry). */
  leafInput: Buffer;
  type: string;
  envelopeId: string | null;
  /** ISO 8601, as in the entry. */
  at: string;
}

export interface AppendResult {
  /** Index of the first leaf appended by this call. */
  firstIndex: number;
  treeSize: number;
  rootHash: Buffer;
}

export interface TreeState {
  range: CompactRange;
  rootHex: string;
}

/** Rows per INSERT: one statement per call for gateway-sized batches, bounded for bulk loads (6 parameters a row). */
const ROWS_PER_INSERT = 500;

/**
 * Appends leaves inside the caller's transaction: one multi-row INSERT of leaves, the completed
 * perfect subtrees, and a compare-and-set UPDATE of the tree state row, all in that transaction.
 *
 * The state is cached between calls. The UPDATE only matches the row the cache was built from, so
 * when a transaction that appended rolled back (the cache then ran ahead of the database), the
 * next append misses, reloads the committed state and appends from there.
 */
export class LedgerLogAppender {
  private cached: TreeState | undefined;

  async append(manager: EntityManager, leaves: readonly LeafToAppend[], now: Date): Promise<AppendResult> {
    if (leaves.length === 0) throw new LedgerLogError('bad-entry', 'nothing to append');
    transactionRunner(manager);
    // Every leaf checked before the state moves: a bad one leaves nothing behind.
    const leafTexts = leaves.map((leaf, i) => leafText(leaf, i));
    const leafHashes = leaves.map((leaf) => hashLeaf(leaf.leafInput));
    // The cached range is advanced in place: whenever it ends up ahead of the database (a failed
    // swap, a later rollback), the next swap misses and the committed state is reloaded.
    let state = await this.startingState(manager);
    let from = { size: state.range.size, rootHex: state.rootHex };
    let completed = advance(state, leafHashes);
    if (!(await swapState(manager, from, state, now))) {
      state = await loadTreeState(manager);
      from = { size: state.range.size, rootHex: state.rootHex };
      completed = advance(state, leafHashes);
      if (!(await swapState(manager, from, state, now))) {
        this.cached = undefined;
        throw new LedgerLogError('state-mismatch', 'the tree state row changed while it was being appended to');
      }
    }
    this.cached = state;
    const firstIndex = from.size;
    await insertLeaves(manager, firstIndex, leaves, leafTexts, leafHashes);
    await insertNodes(manager, completed);
    return { firstIndex, treeSize: state.range.size, rootHash: Buffer.from(state.rootHex, 'hex') };
  }

  /**
   * SQLite has one writer, so the cache is the state unless a rollback left it ahead. On
   * PostgreSQL several gateways may append to one database: the state row is locked first, so
   * they queue for it, and the cache is used only when nobody else appended since.
   */
  private async startingState(manager: EntityManager): Promise<TreeState> {
    if (manager.connection.options.type !== 'postgres') return this.cached ?? loadTreeState(manager);
    let head = await lockTreeStateRow(manager);
    if (!head) {
      await loadTreeState(manager);
      head = await lockTreeStateRow(manager);
    }
    const cached = this.cached;
    if (cached && head && cached.range.size === Number(head.tree_size) && cached.rootHex === head.root_hash)
      return cached;
    return loadTreeState(manager);
  }

  /** Forgets the cached state, e.g. after the tables were changed behind the appender's back. */
  reset(): void {
    this.cached = undefined;
  }
}

/**
 * The committed state, checked against itself and the leaves: a border that does not give the
 * stored root, or a leaf count that differs from the size, stops appending rather than fork the log.
 */
export async function loadTreeState(manager: EntityManager): Promise<TreeState> {
  const row = await manager.findOneBy(LogTreeStateEntity, { id: TREE_STATE_ROW_ID });
  const leafCount = await countLeaves(manager);
  if (!row) {
    if (leafCount !== 0)
      throw new LedgerLogError('state-mismatch', `the log holds ${leafCount} leaves but no tree state`);
    const empty: LogTreeStateEntity = {
      id: TREE_STATE_ROW_ID,
      treeSize: 0,
      rootHash: EMPTY_ROOT.toString('hex'),
      border: '[]',
      updatedAt: new Date().toISOString(),
    };
    // Two gateways starting one PostgreSQL log: the second waits for the first's row and keeps it.
    await manager.createQueryBuilder().insert().into(LogTreeStateEntity).values(empty).orIgnore().execute();
    return { range: CompactRange.empty(), rootHex: empty.rootHash };
  }
  const range = CompactRange.fromJSON({ size: row.treeSize, hashes: JSON.parse(row.border) as unknown });
  const rootHex = range.root().toString('hex');
  if (rootHex !== row.rootHash)
    throw new LedgerLogError(
      'state-mismatch',
      `the stored border gives root ${rootHex}, not the stored root ${row.rootHash}`,
    );
  if (leafCount !== row.treeSize)
    throw new LedgerLogError(
      'state-mismatch',
      `the tree state says ${row.treeSize} leaves, the leaf table holds ${leafCount}`,
    );
  return { range, rootHex };
}

/** Holds the state row until the transaction ends; undefined while the log has none. */
async function lockTreeStateRow(manager: EntityManager): Promise<{ tree_size: number; root_hash: string } | undefined> {
  return sqlStatements(manager).one('SELECT tree_size, root_hash FROM ledger_tree_state WHERE id = ? FOR UPDATE', [
    TREE_STATE_ROW_ID,
  ]);
}

async function countLeaves(manager: EntityManager): Promise<number> {
  const row = await manager
    .createQueryBuilder(LogLeafEntity, 'leaf')
    .select('MAX(leaf.leafIndex)', 'last')
    .getRawOne<{ last: number | string | null }>();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** Appends to `state` in place; returns the perfect subtrees to store. */
function advance(state: TreeState, leafHashes: readonly Buffer[]): CompletedSubtree[] {
  const completed = appendCollectingSubtrees(state.range, leafHashes);
  state.rootHex = state.range.root().toString('hex');
  return completed;
}

async function swapState(
  manager: EntityManager,
  from: { size: number; rootHex: string },
  to: TreeState,
  now: Date,
): Promise<boolean> {
  const border = JSON.stringify(to.range.toJSON().hashes);
  const parameters = [to.range.size, to.rootHex, border, now.toISOString(), TREE_STATE_ROW_ID, from.size, from.rootHex];
  const result = await transactionRunner(manager).query(AppendStatements.of(manager).swapState, parameters, true);
  return result.affected === 1;
}

function transactionRunner(manager: EntityManager): QueryRunner {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive)
    throw new LedgerLogError(
      'bad-entry',
      "appends run inside the caller's transaction (a SerialWriter transaction manager)",
    );
  return runner;
}

/** The INSERTs' parameters are built straight from the leaves: no row objects in between. */
async function insertLeaves(
  manager: EntityManager,
  firstIndex: number,
  leaves: readonly LeafToAppend[],
  texts: readonly string[],
  hashes: readonly Buffer[],
): Promise<void> {
  for (let start = 0; start < leaves.length; start += ROWS_PER_INSERT) {
    const end = Math.min(start + ROWS_PER_INSERT, leaves.length);
    const parameters: unknown[] = [];
    for (let i = start; i < end; i++) {
      const leaf = leaves[i];
      parameters.push(firstIndex + i, texts[i], hashes[i].toString('hex'), leaf.envelopeId, leaf.type, leaf.at);
    }
    await manager.query(AppendStatements.of(manager).insertLeaves(end - start), parameters);
  }
}

async function insertNodes(manager: EntityManager, nodes: readonly CompletedSubtree[]): Promise<void> {
  if (nodes.length === 0) return;
  const parameters = nodes.flatMap((node) => [node.level, node.index, node.hash.toString('hex')]);
  await manager.query(AppendStatements.of(manager).insertNodes(nodes.length), parameters);
}

/** The leaf input as stored: text, which gives back exactly the hashed bytes only when they are valid UTF-8. */
function leafText(leaf: LeafToAppend, position: number): string {
  if (!isUtf8(leaf.leafInput))
    throw new LedgerLogError('bad-entry', `leaf ${position} of the append is not valid UTF-8`);
  return leaf.leafInput.toString('utf8');
}
