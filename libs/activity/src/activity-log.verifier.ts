import { CompactRange } from '@bureaunet/ledger';
import { activityLeafHash } from './activity-entry';
import type { ActivityExportLine } from './activity-export.line';
import type { AnchoredActivityHead } from './activity-anchor.head';

export type ActivityExportVerdict =
  { intact: true; treeSize: number; rootHash: Buffer } | { intact: false; reason: string };

/**
 * Whether an export of a node's activity log still holds what the node anchored in the gateway's
 * ledger: the first `treeSize` entries, hashed as leaves, must give the anchored root. A row
 * changed, removed, inserted or reordered after anchoring changes the root. The export must be
 * whole (unfiltered, from seq 0); entries after the anchored size are not covered by it.
 */
export function verifyActivityExport(
  lines: readonly ActivityExportLine[],
  anchored: Pick<AnchoredActivityHead, 'treeSize' | 'rootHash'>,
): ActivityExportVerdict {
  const range = CompactRange.empty();
  for (let seq = 0; seq < anchored.treeSize; seq++) {
    const line = lines[seq];
    if (line === undefined)
      return {
        intact: false,
        reason: `the export holds ${lines.length} entries, the anchored head covers ${anchored.treeSize}`,
      };
    if (line.seq !== seq)
      return { intact: false, reason: `entry ${seq} is missing (the export goes on at ${line.seq})` };
    range.append(activityLeafHash(line.entry));
  }
  const root = range.root();
  if (!root.equals(anchored.rootHash))
    return {
      intact: false,
      reason: `the first ${anchored.treeSize} entries give root ${root.toString('base64')}, the anchored root is ${anchored.rootHash.toString('base64')}: the log was rewritten`,
    };
  return { intact: true, treeSize: anchored.treeSize, rootHash: root };
}
