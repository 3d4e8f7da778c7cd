import {
  DomainError,
  type Operation,
  type OperationAmendment,
  type OperationChange,
  type OperationDraft,
} from '@bureaunet/contracts';

/** What one change does to an operation, before the bureaus it names are checked against the directory. */
export interface OperationChangePlan {
  change: OperationChange['change'];
  operation: Operation;
  added?: string[];
  removed?: string[];
  previousEnd?: string;
  reason?: string;
}

/** A new operation: end after start and still to come, participants listed once, the coordinator not among them. */
export function planCreation(
  draft: OperationDraft & { id: string; coordinator: string },
  now: Date,
): OperationChangePlan {
  const start = instantOf(draft.start);
  const end = instantOf(draft.end);
  if (!(end > start)) throw invalidOperation(`end (${end}) must be after start (${start})`);
  if (end <= now.toISOString())
    throw invalidOperation(`end (${end}) is already past: an operation must end in the future`);
  const participants = [...new Set(draft.participants)];
  if (participants.length === 0) throw invalidOperation('an operation needs at least one participant');
  assertNotCoordinator(draft.coordinator, participants);
  return {
    change: 'created',
    operation: { id: draft.id, name: draft.name, coordinator: draft.coordinator, participants, start, end },
  };
}

/**
 * An amendment of an operation that has not ended: a new name, participants added or removed (one
 * stays at least), an end moved later, never earlier (ending early is planEarlyEnd).
 */
export function planAmendment(current: Operation, changes: OperationAmendment, now: Date): OperationChangePlan {
  assertNotEnded(current, now);
  const add = [...new Set(changes.addParticipants ?? [])];
  const remove = [...new Set(changes.removeParticipants ?? [])];
  if (changes.name === undefined && add.length === 0 && remove.length === 0 && changes.end === undefined)
    throw invalidOperation('an amendment changes the name, the participants or the end: this one changes nothing');
  const both = add.filter((code) => remove.includes(code));
  if (both.length > 0) throw invalidOperation(`${both.join(', ')} cannot be both added and removed`);
  assertNotCoordinator(current.coordinator, add);
  const added = add.filter((code) => !current.participants.includes(code));
  const unknown = remove.filter((code) => !current.participants.includes(code));
  if (unknown.length > 0)
    throw invalidOperation(`${unknown.join(', ')} ${unknown.length > 1 ? 'take' : 'takes'} no part in ${current.id}`);
  const participants = [...current.participants.filter((code) => !remove.includes(code)), ...added];
  if (participants.length === 0) throw invalidOperation('an operation keeps at least one participant');
  if (participants.length > 300) throw invalidOperation(`at most 300 participants (${participants.length} asked)`);
  let end = current.end;
  if (changes.end !== undefined) {
    end = instantOf(changes.end);
    if (end <= now.toISOString())
      throw invalidOperation(`the new end (${end}) is already past: an extension ends in the future`);
    if (end <= current.end)
      throw invalidOperation(
        `the new end (${end}) is not after the current end (${current.end}): end the operation early instead`,
      );
  }
  return {
    change: 'amended',
    operation: { ...current, name: changes.name ?? current.name, participants, end },
    ...(added.length > 0 ? { added } : {}),
    ...(remove.length > 0 ? { removed: remove } : {}),
    ...(end !== current.end ? { previousEnd: current.end } : {}),
  };
}

/** Ends a running or planned operation now (a planned one never starts: its start moves to now too). */
export function planEarlyEnd(current: Operation, reason: string, now: Date): OperationChangePlan {
  assertNotEnded(current, now);
  const at = now.toISOString();
  return {
    change: 'ended',
    operation: { ...current, start: current.start < at ? current.start : at, end: at },
    previousEnd: current.end,
    reason,
  };
}

export function invalidOperation(message: string): DomainError {
  return new DomainError('operation-invalid', message, 'invalid');
}

function assertNotEnded(operation: Operation, now: Date): void {
  if (operation.end <= now.toISOString())
    throw new DomainError(
      'operation-ended',
      `operation ${operation.id} ended at ${operation.end}: it can no longer be changed`,
      'conflict',
    );
}

function assertNotCoordinator(coordinator: string, participants: readonly string[]): void {
  if (participants.includes(coordinator))
    throw invalidOperation(`${coordinator} coordinates: list it once, as coordinator`);
}

/** The UTC form, so that instants compare as strings. */
function instantOf(value: string): string {
  return new Date(value).toISOString();
}
