import { decodeLedgerEntry } from '@bureaunet/ledger';
import type { LedgerSearchEntryEntity } from './ledger-search-entry.entity';

export const SEARCH_STATUSES = ['accepted', 'refused', 'delivered', 'receipted', 'registry'] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

/** A message's sender and kind, as its submission-accepted entry says. */
export interface MessageFacts {
  sender: string | null;
  kind: string | null;
}

export interface LeafToIndex {
  leafIndex: number;
  leafInput: string;
  type: string;
  envelopeId: string | null;
  at: string;
}

export function searchStatusOf(type: string): SearchStatus {
  switch (type) {
    case 'submission-accepted':
      return 'accepted';
    case 'submission-refused':
    case 'recipient-refused':
      return 'refused';
    case 'delivery':
      return 'delivered';
    case 'receipt':
      return 'receipted';
    default:
      return 'registry';
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value.slice(0, 40) : null);
const code = (value: unknown): string | null => (typeof value === 'string' && value.length <= 8 ? value : null);

/**
 * The search rows of a run of leaves, in order. A delivery, refusal or receipt does not repeat its
 * message's sender and kind: they come from the message's acceptance, earlier in this run or
 * (through `known`) already indexed.
 */
export function searchRowsOf(
  leaves: readonly LeafToIndex[],
  known: ReadonlyMap<string, MessageFacts>,
): LedgerSearchEntryEntity[] {
  const facts = new Map(known);
  return leaves.map((leaf) => {
    const entry = readable(leaf.leafInput);
    const status = searchStatusOf(leaf.type);
    const row: LedgerSearchEntryEntity = {
      leafIndex: leaf.leafIndex,
      at: leaf.at,
      type: leaf.type,
      status,
      kind: null,
      envelopeId: leaf.envelopeId,
      sender: null,
      recipient: null,
    };
    const message = leaf.envelopeId ? facts.get(leaf.envelopeId) : undefined;
    switch (leaf.type) {
      case 'submission-accepted':
        row.sender = code(entry.from);
        row.kind = text(entry.kind);
        if (leaf.envelopeId) facts.set(leaf.envelopeId, { sender: row.sender, kind: row.kind });
        break;
      case 'submission-refused':
        row.sender = code(entry.from);
        break;
      case 'delivery':
      case 'recipient-refused':
        row.recipient = code(entry.to);
        row.sender = message?.sender ?? null;
        row.kind = message?.kind ?? null;
        break;
      case 'receipt':
        // About the original message: its sender, and the recipient who receipted it.
        row.recipient = code(entry.from);
        row.sender = message?.sender ?? null;
        row.kind = message?.kind ?? null;
        break;
      case 'consent-granted':
      case 'consent-refused':
        // The owner's answer to the bureau that asked.
        row.sender = code(entry.owner);
        row.recipient = code(entry.grantee);
        row.kind = text(leaf.type);
        break;
      default:
        row.sender = code(entry.code);
        row.kind = text(leaf.type);
    }
    return row;
  });
}

/**
 * The entry's fields, or none when its bytes are not a canonical entry (a tampered row): it is
 * still indexed by type and time, and the search never stops behind it; the auditor's checks
 * then name it.
 */
function readable(leafInput: string): Record<string, unknown> {
  try {
    return decodeLedgerEntry(Buffer.from(leafInput, 'utf8'));
  } catch {
    return {};
  }
}

/** The envelopes whose facts the run needs from earlier leaves. */
export function envelopesNeeded(leaves: readonly LeafToIndex[]): string[] {
  const accepted = new Set(leaves.filter((leaf) => leaf.type === 'submission-accepted').map((leaf) => leaf.envelopeId));
  const needed = leaves
    .filter((leaf) => ['delivery', 'recipient-refused', 'receipt'].includes(leaf.type) && leaf.envelopeId)
    .map((leaf) => leaf.envelopeId!)
    .filter((id) => !accepted.has(id));
  return [...new Set(needed)];
}
