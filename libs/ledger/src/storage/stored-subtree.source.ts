import type { EntityManager, EntityTarget } from 'typeorm';
import { MerkleProofError, hashChildren, type LeafRange, type SubtreeHashSource } from '../merkle';
import { isPowerOfTwo, largestPowerOfTwoBelow } from '../merkle/tree-size';
import { STORED_NODE_MIN_LEVEL } from './completed-subtrees';
import { LedgerLogError } from '../log/ledger-log.errors';
import { LogLeafEntity } from './log-leaf.entity';
import { LogNodeEntity } from './log-node.entity';

/**
 * The two tables a log's hashes live in. The gateway's ledger by default; another Merkle log (the
 * nodes' attributed activity log) names its own, with the same property names.
 */
export interface SubtreeTables {
  leaf: EntityTarget<{ leafIndex: number; leafHash: string }>;
  node: EntityTarget<{ level: number; nodeIndex: number; hash: string }>;
}

const LEDGER_TABLES: SubtreeTables = { leaf: LogLeafEntity, node: LogNodeEntity };

/** A perfect, aligned subtree: leaves [start, start + 2^level). */
interface Piece {
  level: number;
  start: number;
}

/**
 * Subtree roots for a known set of ranges, read in at most two queries: the stored roots of the
 * large perfect subtrees they are made of, and the leaf hashes of the small ones (at most 255
 * leaves at each edge). A proof thus costs O(log n) rows whatever the log's size.
 */
export class StoredSubtreeSource implements SubtreeHashSource {
  private readonly perfect = new Map<string, Buffer>();

  private constructor(
    readonly leafCount: number,
    private readonly nodes: Map<string, Buffer>,
    private readonly leaves: Map<number, Buffer>,
  ) {}

  /** Reads what `ranges` need, within the first `treeSize` leaves. */
  static async load(
    manager: EntityManager,
    treeSize: number,
    ranges: readonly LeafRange[],
    tables: SubtreeTables = LEDGER_TABLES,
  ): Promise<StoredSubtreeSource> {
    const nodeKeys = new Map<number, Set<number>>();
    const leafRanges: LeafRange[] = [];
    for (const range of ranges) {
      assertRange(range.start, range.end, treeSize);
      for (const piece of piecesOf(range.start, range.end)) {
        if (piece.level >= STORED_NODE_MIN_LEVEL) {
          const indices = nodeKeys.get(piece.level) ?? new Set<number>();
          indices.add(piece.start / 2 ** piece.level);
          nodeKeys.set(piece.level, indices);
        } else {
          leafRanges.push({ start: piece.start, end: piece.start + 2 ** piece.level });
        }
      }
    }
    const [nodes, leaves] = await Promise.all([
      readNodes(manager, tables.node, nodeKeys),
      readLeafHashes(manager, tables.leaf, mergeRanges(leafRanges)),
    ]);
    return new StoredSubtreeSource(treeSize, nodes, leaves);
  }

  subtreeRoot(start: number, end: number): Buffer {
    assertRange(start, end, this.leafCount);
    return this.rangeRoot(start, end);
  }

  private rangeRoot(start: number, end: number): Buffer {
    const width = end - start;
    if (isPowerOfTwo(width) && start % width === 0) return this.perfectRoot(Math.log2(width), start);
    const k = largestPowerOfTwoBelow(width);
    return hashChildren(this.rangeRoot(start, start + k), this.rangeRoot(start + k, end));
  }

  private perfectRoot(level: number, start: number): Buffer {
    const key = `${level}:${start / 2 ** level}`;
    if (level >= STORED_NODE_MIN_LEVEL) return this.found(this.nodes.get(key), `stored subtree ${key}`);
    if (level === 0) return this.found(this.leaves.get(start), `leaf hash ${start}`);
    const cached = this.perfect.get(key);
    if (cached) return cached;
    const half = 2 ** (level - 1);
    const root = hashChildren(this.perfectRoot(level - 1, start), this.perfectRoot(level - 1, start + half));
    this.perfect.set(key, root);
    return root;
  }

  private found(hash: Buffer | undefined, what: string): Buffer {
    if (!hash) throw new LedgerLogError('missing-subtree', `${what} is not in the database (or was not loaded)`);
    return hash;
  }
}

/** The perfect, aligned subtrees the RFC 6962 recursion over [start, end) stops at, left to right. */
export function piecesOf(start: number, end: number): Piece[] {
  const width = end - start;
  if (isPowerOfTwo(width) && start % width === 0) return [{ level: Math.log2(width), start }];
  const k = largestPowerOfTwoBelow(width);
  return [...piecesOf(start, start + k), ...piecesOf(start + k, end)];
}

function assertRange(start: number, end: number, treeSize: number): void {
  const valid =
    Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end > start && end <= treeSize;
  if (!valid)
    throw new MerkleProofError(
      'bad-subtree-range',
      `subtree [${start}, ${end}) is not a non-empty range within ${treeSize} leaves`,
    );
}

function mergeRanges(ranges: LeafRange[]): LeafRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: LeafRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

async function readNodes(
  manager: EntityManager,
  table: SubtreeTables['node'],
  keys: Map<number, Set<number>>,
): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (keys.size === 0) return found;
  const query = manager.createQueryBuilder(table, 'node').select(['node.level', 'node.nodeIndex', 'node.hash']);
  [...keys].forEach(([level, indices], i) => {
    query.orWhere(`(node.level = :level${i} AND node.nodeIndex IN (:...indices${i}))`, {
      [`level${i}`]: level,
      [`indices${i}`]: [...indices],
    });
  });
  for (const node of await query.getMany()) found.set(`${node.level}:${node.nodeIndex}`, Buffer.from(node.hash, 'hex'));
  return found;
}

async function readLeafHashes(
  manager: EntityManager,
  table: SubtreeTables['leaf'],
  ranges: readonly LeafRange[],
): Promise<Map<number, Buffer>> {
  const found = new Map<number, Buffer>();
  if (ranges.length === 0) return found;
  const query = manager.createQueryBuilder(table, 'leaf').select(['leaf.leafIndex', 'leaf.leafHash']);
  ranges.forEach((range, i) => {
    query.orWhere(`(leaf.leafIndex >= :start${i} AND leaf.leafIndex < :end${i})`, {
      [`start${i}`]: range.start,
      [`end${i}`]: range.end,
    });
  });
  for (const leaf of await query.getMany()) found.set(leaf.leafIndex, Buffer.from(leaf.leafHash, 'hex'));
  return found;
}
