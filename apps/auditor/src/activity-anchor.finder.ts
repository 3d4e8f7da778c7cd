import type { KeyObject } from 'node:crypto';
import { anchoredHeadOf, type AnchoredActivityHead } from '@bureaunet/activity';
import { CompactRange } from '@bureaunet/ledger';
import { VerificationFailure } from './audit.errors';
import type { LedgerClient } from './ledger.client';
import { downloadLeafHashes } from './log.verifier';
import { checkSignedTreeHead } from './tree-head.check';

/**
 * The last head of `code`'s activity log anchored in the gateway's ledger (a node's
 * activity-anchor entry; the registry's activity-head event for code "registry"), found in a ledger
 * verified as `audit verify` does: signed head under the pinned key, every entry hashed into its root.
 */
export async function findAnchoredHead(
  client: LedgerClient,
  key: KeyObject,
  code: string,
): Promise<AnchoredActivityHead> {
  const { head } = checkSignedTreeHead(await client.getSth(), key, 'get-sth');
  let found: AnchoredActivityHead | undefined;
  const leafHashes = await downloadLeafHashes(client, head.treeSize, (index, entry) => {
    const mine =
      (entry.type === 'activity-anchor' && entry.code === code) ||
      (entry.type === 'activity-head' && code === 'registry');
    if (mine) found = anchoredHeadOf(entry, index);
  });
  if (!CompactRange.fromLeafHashes(leafHashes).root().equals(head.rootHash))
    throw new VerificationFailure(
      `the ledger's ${head.treeSize} entries do not give the root its signed tree head names`,
    );
  if (!found)
    throw new VerificationFailure(`the ledger (size ${head.treeSize}) holds no anchored activity head of ${code}`);
  return found;
}
