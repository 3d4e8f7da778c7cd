import { HASH_SIZE } from '@bureaunet/ledger';
import { ActivityError } from './activity.errors';

/** A node's activity log head as the gateway's ledger recorded it (entry type activity-anchor). */
export interface AnchoredActivityHead {
  code: string;
  treeSize: number;
  rootHash: Buffer;
  /** The gateway ledger's leaf index holding it, when known. */
  leafIndex?: number;
}

/**
 * Reads an anchored head from the gateway's ledger (the decoded leaf, as get-entries gives it): a
 * node's `activity-anchor` entry, or the registry's `activity-head` event (code "registry").
 */
export function anchoredHeadOf(ledgerEntry: Record<string, unknown>, leafIndex?: number): AnchoredActivityHead {
  const refuse = (why: string): never => {
    throw new ActivityError('bad-activity-anchor', `ledger entry is not an activity anchor: ${why}`);
  };
  if (ledgerEntry.type !== 'activity-anchor' && ledgerEntry.type !== 'activity-head')
    refuse(`type is ${String(ledgerEntry.type)}`);
  const fields =
    ledgerEntry.type === 'activity-head'
      ? { ...(ledgerEntry.details as Record<string, unknown> | undefined), code: 'registry' }
      : ledgerEntry;
  const { code, treeSize, rootHash } = fields;
  if (typeof code !== 'string') refuse('no code');
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0) refuse('no tree size');
  const root = typeof rootHash === 'string' ? Buffer.from(rootHash, 'base64') : Buffer.alloc(0);
  if (root.length !== HASH_SIZE) refuse(`rootHash is not ${HASH_SIZE} bytes of base64`);
  return { code: code as string, treeSize: treeSize as number, rootHash: root, leafIndex };
}
