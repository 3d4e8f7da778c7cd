import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { consistencyProof, consistencyProofRanges, inclusionProof, inclusionProofRanges, rootAt } from '../merkle';
import { LogLeafEntity } from './log-leaf.entity';
import { SignedTreeHeadEntity } from './signed-tree-head.entity';
import { StoredSubtreeSource } from './stored-subtree.source';

/**
 * Reads the log for auditors. Reads run outside any transaction; on SQLite's single connection
 * they could see rows of a transaction still in progress, so every read is bounded by a tree
 * size that a committed signed tree head covers: those rows never change.
 */
export class LedgerLogReader {
  constructor(private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Leaves [start, end), in order. */
  leaves(start: number, end: number): Promise<LogLeafEntity[]> {
    return this.manager
      .createQueryBuilder(LogLeafEntity, 'leaf')
      .where('leaf.leafIndex >= :start AND leaf.leafIndex < :end', { start, end })
      .orderBy('leaf.leafIndex', 'ASC')
      .getMany();
  }

  /** The first leaf with this hash among the first `treeSize` leaves. */
  async leafIndexByHash(leafHash: Buffer, treeSize: number): Promise<number | undefined> {
    const leaf = await this.manager.findOne(LogLeafEntity, {
      select: { leafIndex: true },
      where: { leafHash: leafHash.toString('hex'), leafIndex: LessThan(treeSize) },
      order: { leafIndex: 'ASC' },
    });
    return leaf?.leafIndex;
  }

  /** Every leaf about these envelopes among the first `treeSize`, in log order. */
  leavesAbout(envelopeIds: readonly string[], treeSize: number): Promise<LogLeafEntity[]> {
    if (envelopeIds.length === 0) return Promise.resolve([]);
    return this.manager.find(LogLeafEntity, {
      where: { envelopeId: In([...envelopeIds]), leafIndex: LessThan(treeSize) },
      order: { leafIndex: 'ASC' },
    });
  }

  /** PATH(i, D[treeSize]) for each leaf index, from one read of the hashes they all need. */
  async inclusionProofs(leafIndices: readonly number[], treeSize: number): Promise<Buffer[][]> {
    const source = await StoredSubtreeSource.load(
      this.manager,
      treeSize,
      leafIndices.flatMap((index) => inclusionProofRanges(index, treeSize)),
    );
    return Promise.all(leafIndices.map((index) => inclusionProof(source, index, treeSize)));
  }

  /** PROOF(first, D[second]). */
  async consistencyProof(first: number, second: number): Promise<Buffer[]> {
    const source = await StoredSubtreeSource.load(this.manager, second, consistencyProofRanges(first, second));
    return consistencyProof(source, first, second);
  }

  /** MTH of the first treeSize leaves, from the stored hashes. */
  async rootAt(treeSize: number): Promise<Buffer> {
    const source = await StoredSubtreeSource.load(
      this.manager,
      treeSize,
      treeSize === 0 ? [] : [{ start: 0, end: treeSize }],
    );
    return rootAt(source, treeSize);
  }

  latestSignedTreeHead(): Promise<SignedTreeHeadEntity | null> {
    return this.manager.findOne(SignedTreeHeadEntity, { where: {}, order: { treeSize: 'DESC' } });
  }
}
