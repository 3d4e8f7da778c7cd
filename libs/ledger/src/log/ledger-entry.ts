import { canonicalJson, canonicalJsonBytes } from '../canonical-json';
import { LedgerLogError } from './ledger-log.errors';

const RESERVED_ENTRY_FIELDS = ['type', 'at', 'envelopeId'] as const;

const ENTRY_TYPE = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * What the log records: metadata and digests only, never message content. The hashed leaf is the
 * RFC 8785 canonical JSON of `{type, at, envelopeId?, ...data}`. Types are open-ended (the
 * gateway's LedgerEventType lists the ones it writes), so a registry event of a type this code
 * does not know is recorded rather than lost.
 */
export interface LedgerEntryInput {
  type: string;
  at: Date;
  /** The envelope the entry is about, when there is one; indexed for trails. */
  envelopeId?: string | null;
  data: Readonly<Record<string, unknown>>;
}

/** The JSON object the leaf is made of. Members whose value is undefined are left out, as JSON does. */
export function ledgerEntryObject(input: LedgerEntryInput): Record<string, unknown> {
  if (!ENTRY_TYPE.test(input.type))
    throw new LedgerLogError(
      'bad-entry',
      `entry type "${input.type}" is not a lowercase-dashed name of at most 40 characters`,
    );
  if (Number.isNaN(input.at.getTime()))
    throw new LedgerLogError('bad-entry', `entry ${input.type} has an invalid date`);
  const reserved = RESERVED_ENTRY_FIELDS.filter((field) => field in input.data);
  if (reserved.length > 0)
    throw new LedgerLogError('bad-entry', `entry ${input.type}: data must not set ${reserved.join(', ')} (reserved)`);
  const entry: Record<string, unknown> = { type: input.type, at: input.at.toISOString() };
  if (input.envelopeId !== undefined && input.envelopeId !== null) entry.envelopeId = input.envelopeId;
  return { ...entry, ...(withoutUndefined(input.data) as Record<string, unknown>) };
}

/** The exact bytes that are hashed into the log: canonical JSON, UTF-8. */
export function encodeLedgerEntry(input: LedgerEntryInput): Buffer {
  return canonicalJsonBytes(ledgerEntryObject(input));
}

/**
 * Reads leaf bytes back as an entry object, refusing anything that is not the canonical form of
 * itself: two different byte strings must never stand for the same entry.
 */
export function decodeLedgerEntry(leafInput: Uint8Array): Record<string, unknown> {
  const text = Buffer.from(leafInput).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new LedgerLogError(
      'not-canonical',
      `leaf is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new LedgerLogError('not-canonical', 'leaf is not a JSON object');
  if (!Buffer.from(canonicalJson(parsed), 'utf8').equals(Buffer.from(leafInput))) {
    throw new LedgerLogError('not-canonical', 'leaf bytes are not the RFC 8785 canonical form of their own JSON');
  }
  const entry = parsed as Record<string, unknown>;
  if (typeof entry.type !== 'string' || typeof entry.at !== 'string')
    throw new LedgerLogError('not-canonical', 'leaf has no string "type" and "at"');
  return entry;
}

/**
 * The value with undefined object members dropped and undefined array items as null, deeply; the
 * value itself when there is nothing to drop (the common case: copying every entry's data measured
 * as a third of encoding it). Symbol keys are dropped with a copy too, as JSON does.
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return arrayWithoutUndefined(value);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let copy: Record<string, unknown> | undefined = Object.getOwnPropertySymbols(record).length > 0 ? {} : undefined;
  for (let i = 0; i < keys.length; i++) {
    const member = record[keys[i]];
    const clean = member === undefined ? undefined : withoutUndefined(member);
    if (!copy && (member === undefined || clean !== member)) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]] = record[keys[j]];
    }
    if (copy && clean !== undefined) copy[keys[i]] = clean;
  }
  return copy ?? value;
}

function arrayWithoutUndefined(value: readonly unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    // A hole stays a hole (canonical JSON refuses it), as Array.prototype.map leaves it.
    if (!(i in value)) continue;
    const item = value[i];
    const clean = item === undefined ? null : withoutUndefined(item);
    if (clean !== item) {
      copy ??= value.slice();
      copy[i] = clean;
    }
  }
  return copy ?? (value as unknown[]);
}
