import { DomainError } from '@bureaunet/contracts';
import { DEFAULT_REQUEST_DEADLINES } from '../node.config';
import { withRequestDue } from './request-due';

const NOW = new Date('2026-12-01T08:00:00.000Z');
const due = (meta: Parameters<typeof withRequestDue>[1], kind: Parameters<typeof withRequestDue>[0] = 'request') =>
  withRequestDue(kind, meta, NOW, DEFAULT_REQUEST_DEADLINES);

function refusal(run: () => unknown): Pick<DomainError, 'code' | 'message' | 'kind'> {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message, kind: error.kind };
    throw error;
  }
  throw new Error('not refused');
}

describe('withRequestDue', () => {
  it('sets dueAt from the priority: immediate 8 hours, urgent 3 days, routine (and none) 7 days', () => {
    expect(due({ priority: 'immediate' }).dueAt).toBe('2026-12-01T16:00:00.000Z');
    expect(due({ priority: 'urgent' }, 'query').dueAt).toBe('2026-12-04T08:00:00.000Z');
    expect(due({ priority: 'routine' }).dueAt).toBe('2026-12-08T08:00:00.000Z');
    expect(due({}).dueAt).toBe('2026-12-08T08:00:00.000Z');
  });

  it('keeps an earlier dueAt the sender gave, and the rest of the meta', () => {
    expect(due({ priority: 'urgent', dueAt: '2026-12-02T08:00:00.000Z', replyTo: 'r1' })).toEqual({
      priority: 'urgent',
      dueAt: '2026-12-02T08:00:00.000Z',
      replyTo: 'r1',
    });
  });

  it('refuses a dueAt beyond the priority’s bound, or not after now, naming both', () => {
    expect(refusal(() => due({ priority: 'immediate', dueAt: '2026-12-01T16:00:01.000Z' }))).toEqual({
      code: 'due-at-beyond-bound',
      kind: 'invalid',
      message: expect.stringContaining('later than a immediate request allows (2026-12-01T16:00:00.000Z, 8 hours)'),
    });
    expect(refusal(() => due({ dueAt: NOW.toISOString() })).code).toBe('due-at-past');
  });

  it('leaves other kinds alone, and refuses a dueAt on them', () => {
    expect(due({ priority: 'urgent' }, 'message')).toEqual({ priority: 'urgent' });
    expect(refusal(() => due({ dueAt: '2026-12-02T08:00:00.000Z' }, 'diffusion')).code).toBe('due-at-not-allowed');
  });
});
