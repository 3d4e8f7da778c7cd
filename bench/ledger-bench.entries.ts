import { createHash, randomUUID } from 'node:crypto';
import { encodeLedgerEntry, hashLeaf } from '@bureaunet/ledger';
import type { LeafToAppend } from '@bureaunet/ledger/storage';
import type { RawLeafRow } from './ledger-bench.database';

export interface GatewayEntry {
  type: string;
  envelopeId: string;
  at: string;
  data: Record<string, unknown>;
}

/** Gateway-like entries: an accepted submission, its deliveries and a receipt, ~200-300 bytes each. */
export function gatewayEntries(count: number): GatewayEntry[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    const envelopeId = randomUUID();
    const digest = createHash('sha256').update(envelopeId).digest('base64url');
    const shapes: Array<[string, Record<string, unknown>]> = [
      [
        'submission-accepted',
        { from: 'DK', kind: 'diffusion', to: ['MR', 'FR'], digest, meta: { priority: 'urgent', noticeType: 'red' } },
      ],
      ['delivery', { to: 'MR' }],
      ['delivery', { to: 'FR' }],
      ['receipt', { receiptId: randomUUID(), from: 'MR', digest }],
    ];
    const [type, data] = shapes[i % shapes.length];
    return { type, envelopeId, at, data };
  });
}

/** What the gateway's LedgerRecorder does per event before appending: canonical JSON. */
export function leavesOf(entries: readonly GatewayEntry[]): LeafToAppend[] {
  return entries.map(({ type, envelopeId, at, data }) => ({
    type,
    envelopeId,
    at,
    leafInput: encodeLedgerEntry({ type, envelopeId, at: new Date(at), data }),
  }));
}

/** The rows the ledger writes for these entries, computed outside any timing. */
export function rawRowsOf(entries: readonly GatewayEntry[]): RawLeafRow[] {
  return leavesOf(entries).map((leaf, i) => [
    i,
    leaf.leafInput.toString('utf8'),
    hashLeaf(leaf.leafInput).toString('hex'),
    leaf.envelopeId,
    leaf.type,
    leaf.at,
  ]);
}
