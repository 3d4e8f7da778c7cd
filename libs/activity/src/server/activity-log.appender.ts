import type { EntityManager } from 'typeorm';
import { CompactRange, EMPTY_ROOT, hashLeaf } from '@bureaunet/ledger';
import { appendCollectingSubtrees } from '@bureaunet/ledger/storage';
import { ActivityError } from '../activity.errors';
import { encodeActivityEntry, type ActivityEntry } from '../activity-entry';
import { ActivityNodeEntity } from './activity-node.entity';
import { ActivityRowEntity } from './activity-row.entity';
import { ACTIVITY_STATE_ROW_ID, ActivityStateEntity } from './activity-state.entity';

export interface ActivityHead {
  treeSize: number;
  rootHash: Buffer;
}

/**
 * Appends entries inside the caller's transaction (a SerialWriter one, the only writer): the
 * rows, the completed subtrees and the state row commit together, so the log and its head never
 * disagree. The state is read each time: ActivityLog appends the entries of a whole group commit at once.
 */
export async function appendActivity(
  manager: EntityManager,
  entries: readonly ActivityEntry[],
): Promise<ActivityHead & { firstSeq: number }> {
  if (entries.length === 0) throw new ActivityError('bad-activity-entry', 'nothing to append');
  const leafInputs = entries.map((entry) => encodeActivityEntry(entry));
  const leafHashes = leafInputs.map((input) => hashLeaf(input));
  const range = await loadRange(manager);
  const firstSeq = range.size;
  const completed = appendCollectingSubtrees(range, leafHashes);
  const rootHash = range.root();
  await manager.insert(
    ActivityRowEntity,
    entries.map((entry, i) => ({
      leafIndex: firstSeq + i,
      leafInput: leafInputs[i].toString('utf8'),
      leafHash: leafHashes[i].toString('hex'),
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      outcome: entry.outcome,
    })),
  );
  if (completed.length > 0)
    await manager.insert(
      ActivityNodeEntity,
      completed.map((node) => ({ level: node.level, nodeIndex: node.index, hash: node.hash.toString('hex') })),
    );
  // One statement (save() would read the row first).
  await manager.upsert(
    ActivityStateEntity,
    {
      id: ACTIVITY_STATE_ROW_ID,
      treeSize: range.size,
      rootHash: rootHash.toString('hex'),
      border: JSON.stringify(range.toJSON().hashes),
    },
    ['id'],
  );
  return { firstSeq, treeSize: range.size, rootHash };
}

/** The committed head; the empty tree when nothing was logged yet. */
export async function readActivityHead(manager: EntityManager): Promise<ActivityHead> {
  const row = await manager.findOneBy(ActivityStateEntity, { id: ACTIVITY_STATE_ROW_ID });
  return row
    ? { treeSize: row.treeSize, rootHash: Buffer.from(row.rootHash, 'hex') }
    : { treeSize: 0, rootHash: EMPTY_ROOT };
}

async function loadRange(manager: EntityManager): Promise<CompactRange> {
  const row = await manager.findOneBy(ActivityStateEntity, { id: ACTIVITY_STATE_ROW_ID });
  if (!row) return CompactRange.empty();
  const range = CompactRange.fromJSON({ size: row.treeSize, hashes: JSON.parse(row.border) as unknown });
  // A border that does not give the stored root would fork the log: stop instead.
  if (range.root().toString('hex') !== row.rootHash)
    throw new ActivityError(
      'bad-activity-entry',
      'the activity log state is inconsistent: its border does not give its root',
      'unavailable',
    );
  return range;
}
