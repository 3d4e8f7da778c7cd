import { sltdChangeSchema, sltdEntrySubject, type SltdChange } from '@bureaunet/contracts';
import type { ReplicaRow } from '../store/sltd-replica.repository';

/** One message of the replica stream, as pulled. */
export interface ReplicaMessage {
  subject: string;
  /** Its stream sequence. */
  sequence: number;
  data: Uint8Array;
}

export type ReadChange =
  | { ok: true; change: SltdChange; sequence: number }
  /** `problem` names what is wrong, never a value from the message. */
  | { ok: false; sequence: number; problem: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A replica message's change: an entry or a withdrawal, published on its own entry's subject. Any
 * other message cannot become one by waiting (it is skipped, not retried).
 */
export function readReplicaChange(message: ReplicaMessage): ReadChange {
  const { sequence } = message;
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(message.data));
  } catch {
    return { ok: false, sequence, problem: 'not UTF-8 JSON' };
  }
  const parsed = sltdChangeSchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
    return { ok: false, sequence, problem: `not an entry or a withdrawal (fields: ${fields.join(', ')})` };
  }
  const change = parsed.data;
  if (message.subject !== sltdEntrySubject(change.issuingCountry, change.index))
    return { ok: false, sequence, problem: "published on another entry's subject" };
  return { ok: true, change, sequence };
}

/** The row a change becomes: a withdrawal keeps its version and drops the blob. */
export function replicaRowOf(change: SltdChange, sequence: number): ReplicaRow {
  const { issuingCountry, index, version } = change;
  if ('withdrawn' in change) return { issuingCountry, index, version, status: 'withdrawn', sealed: null, sequence };
  return {
    issuingCountry,
    index,
    version,
    status: change.status,
    sealed: Buffer.from(change.sealed, 'base64url'),
    sequence,
  };
}

/**
 * One row per entry, the highest version (the later message on a tie): a batch may hold two
 * versions of one entry, and one statement must not write a row twice.
 */
export function newestPerEntry(rows: readonly ReplicaRow[]): ReplicaRow[] {
  const newest = new Map<string, ReplicaRow>();
  for (const row of rows) {
    const key = `${row.issuingCountry}.${row.index}`;
    const held = newest.get(key);
    if (!held || row.version > held.version || (row.version === held.version && row.sequence > held.sequence))
      newest.set(key, row);
  }
  return [...newest.values()];
}
