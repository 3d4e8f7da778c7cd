import { DomainError } from '@bureaunet/contracts';
import {
  answerRecord,
  assertAnswerable,
  assertAnswerFits,
  canonicalInstant,
  confirmationMismatch,
  effectiveHitState,
  hitAnswerBy,
  remainingMs,
} from './hit.state';

const ANSWER_BY = '2026-12-01T10:10:00.000Z';
const at = (iso: string) => new Date(iso);
const documentHit = { kind: 'document' } as const;
const personHit = { kind: 'person' } as const;

describe('hit state', () => {
  it('gives the owner the deadline from the check on, in the one comparable form', () => {
    expect(hitAnswerBy('2026-12-01T10:00:00Z', 600_000)).toBe(ANSWER_BY);
    expect(canonicalInstant('2026-12-01T10:00:00.1234Z')).toBe('2026-12-01T10:00:00.123Z');
  });

  it('counts down to answerBy and never below zero', () => {
    expect(remainingMs(ANSWER_BY, at('2026-12-01T10:00:00.000Z'))).toBe(600_000);
    expect(remainingMs(ANSWER_BY, at('2026-12-01T10:09:59.001Z'))).toBe(999);
    expect(remainingMs(ANSWER_BY, at(ANSWER_BY))).toBe(0);
    expect(remainingMs(ANSWER_BY, at('2026-12-01T11:00:00.000Z'))).toBe(0);
  });

  it('shows an awaited hit overdue from answerBy on, swept or not; answered and overdue stay', () => {
    const awaiting = { state: 'awaiting', answerBy: ANSWER_BY } as const;
    expect(effectiveHitState(awaiting, at('2026-12-01T10:09:59.999Z'))).toBe('awaiting');
    expect(effectiveHitState(awaiting, at(ANSWER_BY))).toBe('overdue');
    expect(effectiveHitState({ state: 'overdue', answerBy: ANSWER_BY }, at('2026-12-01T10:00:00Z'))).toBe('overdue');
    expect(effectiveHitState({ state: 'answered', answerBy: ANSWER_BY }, at('2026-12-01T12:00:00Z'))).toBe('answered');
  });

  it('records an answer as late only after answerBy', () => {
    const answer = { answer: 'confirmed' as const };
    const record = (answeredAt: string) => answerRecord(answer, { answeredAt, envelopeId: 'e-1', answerBy: ANSWER_BY });
    expect(record('2026-12-01T10:05:00.000Z')).toEqual({
      answer: 'confirmed',
      answeredAt: '2026-12-01T10:05:00.000Z',
      envelopeId: 'e-1',
      late: false,
    });
    expect(record(ANSWER_BY).late).toBe(false);
    expect(record('2026-12-01T10:10:00.001Z').late).toBe(true);
    expect(
      answerRecord(
        { answer: 'corrected', status: 'recovered', note: 'found' },
        { answeredAt: ANSWER_BY, envelopeId: null, answerBy: ANSWER_BY },
      ),
    ).toMatchObject({ answer: 'corrected', status: 'recovered', note: 'found', envelopeId: null });
  });

  it('lets the owner answer a received hit once, also when overdue', () => {
    const row = { id: 'h-1', direction: 'received', counterpart: 'MR' } as const;
    expect(() => assertAnswerable({ ...row, state: 'awaiting' })).not.toThrow();
    expect(() => assertAnswerable({ ...row, state: 'overdue' })).not.toThrow();
    expect(() => assertAnswerable({ ...row, state: 'answered' })).toThrow(
      expect.objectContaining({ code: 'hit-answered', kind: 'conflict' }),
    );
    expect(() => assertAnswerable({ ...row, direction: 'sent', state: 'awaiting' })).toThrow(
      expect.objectContaining({
        code: 'hit-not-owned',
        message: 'hit h-1 was sent from here; its owner MR answers it',
      }),
    );
  });

  it('wants a correction to say what is right', () => {
    const refusal = (hit: { kind: 'document' | 'person' }, answer: Parameters<typeof assertAnswerFits>[1]) => {
      try {
        assertAnswerFits(hit, answer);
        return undefined;
      } catch (error) {
        return error instanceof DomainError ? error.message : error;
      }
    };
    expect(refusal(documentHit, { answer: 'confirmed' })).toBeUndefined();
    expect(refusal(documentHit, { answer: 'corrected', status: 'recovered' })).toBeUndefined();
    expect(refusal(personHit, { answer: 'corrected', note: 'another person' })).toBeUndefined();
    expect(refusal(documentHit, { answer: 'corrected' })).toBe('status: is required when a document hit is corrected');
    expect(refusal(personHit, { answer: 'corrected' })).toBe('note: is required when a person hit is corrected');
    expect(refusal(personHit, { answer: 'confirmed', status: 'stolen' })).toBe(
      'status: only a document hit has a status',
    );
  });

  it('matches a confirmation to the hit sent to its sender about the same check, unanswered', () => {
    const sent = { direction: 'sent', checkId: 'c-1', counterpart: 'DK', state: 'awaiting' } as const;
    expect(confirmationMismatch(sent, { from: 'DK', checkId: 'c-1' })).toBeNull();
    expect(confirmationMismatch({ ...sent, state: 'overdue' }, { from: 'DK', checkId: 'c-1' })).toBeNull();
    expect(confirmationMismatch(sent, { from: 'FR', checkId: 'c-1' })).toBe('the hit was sent to DK, not FR');
    expect(confirmationMismatch(sent, { from: 'DK', checkId: 'c-2' })).toBe('the hit is about check c-1, not c-2');
    expect(confirmationMismatch({ ...sent, state: 'answered' }, { from: 'DK', checkId: 'c-1' })).toMatch(
      /first answer stands/,
    );
    expect(confirmationMismatch({ ...sent, direction: 'received' }, { from: 'DK', checkId: 'c-1' })).toMatch(
      /did not send/,
    );
  });
});
