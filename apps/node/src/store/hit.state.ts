import { DomainError, type HitConfirmationBody } from '@bureaunet/contracts';
import type { HitAnswerRecord, HitEntity, HitState } from './hit.entity';

/** The time the owner has: checkedAt + the deadline, in toISOString's form. */
export function hitAnswerBy(checkedAt: string, deadlineMs: number): string {
  return new Date(Date.parse(checkedAt) + deadlineMs).toISOString();
}

/** An instant from the wire in the one form the hit table compares as strings. */
export function canonicalInstant(value: string): string {
  return new Date(value).toISOString();
}

/** The state a person sees: an awaited hit past its answerBy is overdue, swept or not. */
export function effectiveHitState(row: Pick<HitEntity, 'state' | 'answerBy'>, now: Date): HitState {
  if (row.state !== 'awaiting') return row.state;
  return Date.parse(row.answerBy) <= now.getTime() ? 'overdue' : 'awaiting';
}

/** The countdown: what is left until answerBy, never below zero. */
export function remainingMs(answerBy: string, now: Date): number {
  return Math.max(0, Date.parse(answerBy) - now.getTime());
}

/** The answer as both ends keep it; late when recorded after answerBy. */
export function answerRecord(
  confirmation: Pick<HitConfirmationBody, 'answer' | 'status' | 'note'>,
  recorded: { answeredAt: string; envelopeId: string | null; answerBy: string },
): HitAnswerRecord {
  return {
    answer: confirmation.answer,
    ...(confirmation.status ? { status: confirmation.status } : {}),
    ...(confirmation.note ? { note: confirmation.note } : {}),
    answeredAt: recorded.answeredAt,
    envelopeId: recorded.envelopeId,
    late: Date.parse(recorded.answeredAt) > Date.parse(recorded.answerBy),
  };
}

/** Only the owner answers, once (an answer after the deadline is still given: the checker records it late). */
export function assertAnswerable(row: Pick<HitEntity, 'id' | 'direction' | 'state' | 'counterpart'>): void {
  if (row.direction !== 'received')
    throw new DomainError(
      'hit-not-owned',
      `hit ${row.id} was sent from here; its owner ${row.counterpart} answers it`,
      'conflict',
    );
  if (row.state === 'answered') throw new DomainError('hit-answered', `hit ${row.id} is already answered`, 'conflict');
}

/**
 * Why a received hit-confirmation does not answer this sent hit, or null when it does. The first
 * answer stands: the border officer may already have acted on it, so a later word from the owner
 * is a message (replyTo the hit), not a second confirmation.
 */
export function confirmationMismatch(
  row: Pick<HitEntity, 'direction' | 'checkId' | 'counterpart' | 'state'>,
  confirmation: { from: string; checkId: string },
): string | null {
  if (row.direction !== 'sent') return 'it names a hit this node did not send';
  if (row.counterpart !== confirmation.from) return `the hit was sent to ${row.counterpart}, not ${confirmation.from}`;
  if (row.checkId !== confirmation.checkId) return `the hit is about check ${row.checkId}, not ${confirmation.checkId}`;
  if (row.state === 'answered') return 'the hit is already answered (the first answer stands)';
  return null;
}

/**
 * An answer that says what it corrects: a document's status belongs to a document hit, and a
 * correction names the right status (document) or says what is wrong in a note (person).
 */
export function assertAnswerFits(
  hit: Pick<HitEntity['hit'], 'kind'>,
  answer: Pick<HitConfirmationBody, 'answer' | 'status' | 'note'>,
): void {
  if (hit.kind === 'person' && answer.status)
    throw new DomainError('invalid-body', 'status: only a document hit has a status', 'invalid');
  if (answer.answer !== 'corrected') return;
  if (hit.kind === 'document' && !answer.status)
    throw new DomainError('invalid-body', 'status: is required when a document hit is corrected', 'invalid');
  if (hit.kind === 'person' && !answer.note)
    throw new DomainError('invalid-body', 'note: is required when a person hit is corrected', 'invalid');
}
