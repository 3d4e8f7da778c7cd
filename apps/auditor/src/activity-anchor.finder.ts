import type { KeyObject } from 'node:crypto';
import { anchoredHeadOf, type AnchoredActivityHead } from '@bureaunet/activity';
import { CompactRange } from '@bureaunet/ledger';
import { VerificationFailure } from './audit.errors';
import type { LedgerClient } from './ledger.client';
import { downloadLeafHashes } from './log.verifier';
import { checkSignedTreeHead } from './tree-head.check';

export interface FoundAnchor {
  /** The latest anchored head the export is long enough to be checked against. */
  anchored: AnchoredActivityHead;
  /** The size of the latest head anchored at all (larger when the log grew after the export). */
  latestSize: number;
}

/**
 * The heads of `code`'s activity log anchored in the gateway's ledger (a node's activity-anchor
 * entries; the registry's activity-head events for code "registry"), found in a ledger verified as
 * `audit verify` does it: signed head under the pinned key, every entry hashed into its root. The
 * export is checked against the latest of them it covers: a log keeps growing after an export.
 */
export async function findAnchoredHead(
  client: LedgerClient,
  key: KeyObject,
  code: string,
  exportLength: number,
): Promise<FoundAnchor> {
  const { head } = checkSignedTreeHead(await client.getSth(), key, 'get-sth');
  let found: AnchoredActivityHead | undefined;
  let latestSize = 0;
  const leafHashes = await downloadLeafHashes(client, head.treeSize, (index, entry) => {
    const mine =
      (entry.type === 'activity-anchor' && entry.code === code) ||
      (entry.type === 'activity-head' && code === 'registry');
    if (!mine) return;
    const anchored = anchoredHeadOf(entry, index);
    latestSize = Math.max(latestSize, anchored.treeSize);
    if (anchored.treeSize <= exportLength && (!found || anchored.treeSize >= found.treeSize)) found = anchored;
  });
  if (!CompactRange.fromLeafHashes(leafHashes).root().equals(head.rootHash))
    throw new VerificationFailure(
      `the ledger's ${head.treeSize} entries do not give the root its signed tree head names`,
    );
  if (!found)
    throw new VerificationFailure(
      latestSize > 0
        ? `the export holds ${exportLength} entries, fewer than any head of ${code} anchored in the ledger (the latest covers ${latestSize})`
        : `the ledger (size ${head.treeSize}) holds no anchored activity head of ${code}`,
    );
  return { anchored: found, latestSize };
}
