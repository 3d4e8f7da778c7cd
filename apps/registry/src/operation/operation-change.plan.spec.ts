import type { DomainError, Operation } from '@bureaunet/contracts';
import { planAmendment, planCreation, planEarlyEnd } from './operation-change.plan';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(NOW.getTime() + offsetHours * HOUR).toISOString();

const RUNNING: Operation = {
  id: 'op-1',
  name: 'Trident',
  coordinator: 'DK',
  participants: ['MR', 'FR'],
  start: at(-1),
  end: at(2),
};

function refusal(run: () => unknown): Pick<DomainError, 'code' | 'kind' | 'message'> {
  try {
    run();
  } catch (error) {
    const { code, kind, message } = error as DomainError;
    return { code, kind, message };
  }
  throw new Error('expected a refusal');
}

describe('operation changes', () => {
  describe('creation', () => {
    const draft = { id: 'op-2', name: 'Baltic', coordinator: 'DK', participants: ['MR', 'MR', 'FR'] };

    it('keeps each participant once and stores UTC instants', () => {
      expect(planCreation({ ...draft, start: '2026-12-01T13:00:00+01:00', end: at(5) }, NOW)).toEqual({
        change: 'created',
        operation: { ...draft, participants: ['MR', 'FR'], start: at(0), end: at(5) },
      });
    });

    it('refuses an end already past with a sentence that says so', () => {
      expect(refusal(() => planCreation({ ...draft, start: at(-3), end: at(-1) }, NOW))).toEqual({
        code: 'operation-invalid',
        kind: 'invalid',
        message: `end (${at(-1)}) is already past: an operation must end in the future`,
      });
    });

    it('refuses an end that is not after the start, and the coordinator among the participants', () => {
      expect(refusal(() => planCreation({ ...draft, start: at(2), end: at(2) }, NOW)).message).toBe(
        `end (${at(2)}) must be after start (${at(2)})`,
      );
      expect(
        refusal(() => planCreation({ ...draft, participants: ['MR', 'DK'], start: at(0), end: at(1) }, NOW)).message,
      ).toBe('DK coordinates: list it once, as coordinator');
    });
  });

  describe('amendment', () => {
    it('adds and removes participants, renames, and says who came and went', () => {
      expect(
        planAmendment(RUNNING, { name: 'Trident II', addParticipants: ['IT', 'MR'], removeParticipants: ['FR'] }, NOW),
      ).toEqual({
        change: 'amended',
        operation: { ...RUNNING, name: 'Trident II', participants: ['MR', 'IT'] },
        added: ['IT'],
        removed: ['FR'],
      });
    });

    it('extends the end forward and records the previous one', () => {
      expect(planAmendment(RUNNING, { end: at(24) }, NOW)).toEqual({
        change: 'amended',
        operation: { ...RUNNING, end: at(24) },
        previousEnd: RUNNING.end,
      });
    });

    it('refuses an end moved earlier or into the past', () => {
      expect(refusal(() => planAmendment(RUNNING, { end: at(1) }, NOW)).message).toBe(
        `the new end (${at(1)}) is not after the current end (${RUNNING.end}): end the operation early instead`,
      );
      expect(refusal(() => planAmendment({ ...RUNNING, end: at(-0.5) }, { end: at(-0.25) }, NOW)).code).toBe(
        'operation-ended',
      );
    });

    it('refuses an empty amendment, removing a bureau that takes no part, and removing every participant', () => {
      expect(refusal(() => planAmendment(RUNNING, {}, NOW)).code).toBe('operation-invalid');
      expect(refusal(() => planAmendment(RUNNING, { removeParticipants: ['IT'] }, NOW)).message).toBe(
        'IT takes no part in op-1',
      );
      expect(refusal(() => planAmendment(RUNNING, { removeParticipants: ['MR', 'FR'] }, NOW)).message).toBe(
        'an operation keeps at least one participant',
      );
      expect(
        refusal(() => planAmendment(RUNNING, { addParticipants: ['IT'], removeParticipants: ['IT'] }, NOW)).message,
      ).toBe('IT cannot be both added and removed');
    });

    it('refuses any change to an operation that has ended', () => {
      expect(refusal(() => planAmendment({ ...RUNNING, end: at(-1) }, { name: 'late' }, NOW))).toEqual({
        code: 'operation-ended',
        kind: 'conflict',
        message: `operation op-1 ended at ${at(-1)}: it can no longer be changed`,
      });
    });
  });

  describe('early end', () => {
    it('ends a running operation now, keeping the previous end and the reason', () => {
      expect(planEarlyEnd(RUNNING, 'suspects arrested', NOW)).toEqual({
        change: 'ended',
        operation: { ...RUNNING, end: NOW.toISOString() },
        previousEnd: RUNNING.end,
        reason: 'suspects arrested',
      });
    });

    it('ends a planned operation before it starts (start and end both now)', () => {
      expect(planEarlyEnd({ ...RUNNING, start: at(1) }, 'called off', NOW).operation).toMatchObject({
        start: NOW.toISOString(),
        end: NOW.toISOString(),
      });
    });

    it('refuses to end an operation twice', () => {
      expect(refusal(() => planEarlyEnd({ ...RUNNING, end: at(-1) }, 'again', NOW)).code).toBe('operation-ended');
    });
  });
});
