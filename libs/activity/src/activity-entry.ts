import { canonicalJsonBytes, hashLeaf } from '@bureaunet/ledger';
import { ActivityError } from './activity.errors';

/** Longest stated purpose, target and refusal code a log entry holds. */
export const MAX_PURPOSE_LENGTH = 200;
export const MAX_TARGET_LENGTH = 200;
const MAX_CODE_LENGTH = 60;

const ACTOR = /^(person|role):[^\s\u0000-\u001f\u007f]{1,100}$/;
const ACTION = /^[a-z][a-z0-9-]{0,30}(\.[a-z][a-z0-9-]{0,30}){0,3}$/;
const ROLE = /^[a-z][a-z-]{0,30}$/;
const CODE = /^[a-z][a-z0-9-]{0,59}$/;

/**
 * One attributed action or consultation. Who (actor, role, personId), what (action, target), why
 * (purpose) and how it ended (outcome, code) — never the consulted data itself.
 */
export interface ActivityEntry {
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  /** "person:<username>" or "role:<role>" for a machine client. */
  actor: string;
  /** The role the route admitted the caller under. */
  role: string;
  personId?: string;
  /** e.g. "message.send", "notice.search". */
  action: string;
  /** What the action was about: a message id, a notice number, a bureau code. */
  target?: string;
  purpose?: string;
  outcome: 'done' | 'refused';
  /** The refusal's stable code (DomainError code, or "error" for an unexpected failure). */
  code?: string;
  borderPost?: string;
}

/** The entry as hashed: canonical form after every bound is checked; absent members left out. */
export function activityEntryObject(entry: ActivityEntry): Record<string, unknown> {
  const refuse = (why: string): never => {
    throw new ActivityError('bad-activity-entry', `activity entry refused: ${why}`);
  };
  const at = new Date(entry.at);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== entry.at)
    refuse(`at "${entry.at}" is not an ISO 8601 UTC time`);
  if (!ACTOR.test(entry.actor)) refuse(`actor "${entry.actor}" is not person:<username> or role:<role>`);
  if (!ROLE.test(entry.role)) refuse(`role "${entry.role}" is not a role name`);
  if (!ACTION.test(entry.action)) refuse(`action "${entry.action}" is not a dotted lowercase name`);
  if (entry.outcome !== 'done' && entry.outcome !== 'refused') refuse(`outcome must be done or refused`);
  if (entry.outcome === 'refused' && entry.code === undefined) refuse('a refusal names its code');
  if (entry.code !== undefined && (entry.code.length > MAX_CODE_LENGTH || !CODE.test(entry.code)))
    refuse(`code "${entry.code}" is not a lowercase-dashed name of at most ${MAX_CODE_LENGTH} characters`);
  boundedText('target', entry.target, MAX_TARGET_LENGTH, refuse);
  boundedText('purpose', entry.purpose, MAX_PURPOSE_LENGTH, refuse);
  boundedText('personId', entry.personId, 80, refuse);
  boundedText('borderPost', entry.borderPost, 80, refuse);
  const object: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) object[key] = value;
  return object;
}

/** The exact bytes hashed into the activity log: RFC 8785 canonical JSON, UTF-8. */
export function encodeActivityEntry(entry: ActivityEntry): Buffer {
  return canonicalJsonBytes(activityEntryObject(entry));
}

/** RFC 6962 leaf hash of the entry, as in the gateway's ledger: SHA-256(0x00 || canonical entry). */
export function activityLeafHash(entry: ActivityEntry): Buffer {
  return hashLeaf(encodeActivityEntry(entry));
}

/** Reads an entry back (from an export or a row), refusing whatever is not a valid entry. */
export function parseActivityEntry(value: unknown): ActivityEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ActivityError('bad-activity-entry', 'activity entry refused: not a JSON object');
  const entry = value as Record<string, unknown>;
  const known = new Set([
    'at',
    'actor',
    'role',
    'personId',
    'action',
    'target',
    'purpose',
    'outcome',
    'code',
    'borderPost',
  ]);
  const unknown = Object.keys(entry).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new ActivityError('bad-activity-entry', `activity entry refused: unknown member(s) ${unknown.join(', ')}`);
  for (const [key, member] of Object.entries(entry))
    if (typeof member !== 'string')
      throw new ActivityError('bad-activity-entry', `activity entry refused: ${key} is not a string`);
  const typed = entry as unknown as ActivityEntry;
  activityEntryObject(typed);
  return typed;
}

function boundedText(name: string, value: string | undefined, max: number, refuse: (why: string) => never): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    refuse(`${name} must be 1 to ${max} characters`);
  // Control characters would let one entry pose as two lines of an export.
  if (/[\u0000-\u001f\u007f]/.test(value)) refuse(`${name} holds a control character`);
}
