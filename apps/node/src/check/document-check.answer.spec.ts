import { TRAVEL_DOCUMENT_STATUSES } from '@bureaunet/contracts';
import { documentHit, outcomeOf, reportedEntry } from './document-check.answer';

const entry = (status: string) => ({ issuingCountry: 'DK', index: 'ab'.repeat(32), version: 3, status });

describe('a document check answer', () => {
  it.each([
    ['stolen', 'hit'],
    ['lost', 'hit'],
    ['revoked', 'hit'],
    ['invalidated', 'hit'],
    ['recovered', 'no-hit'],
    ['withdrawn', 'no-hit'],
  ])('reports an entry %s as a %s', (status, outcome) => {
    expect(outcomeOf(entry(status))).toBe(outcome);
  });

  it('knows every status of the contract (a new one must be decided here)', () => {
    expect([...TRAVEL_DOCUMENT_STATUSES].sort()).toEqual(['invalidated', 'lost', 'recovered', 'revoked', 'stolen']);
  });

  it('is a no-hit without an entry, and for a status it does not know', () => {
    expect(outcomeOf(null)).toBe('no-hit');
    expect(outcomeOf(entry('misplaced'))).toBe('no-hit');
    expect(reportedEntry(entry('recovered'))).toBeNull();
  });

  it('answers a hit with the opened details, or with its status only when they do not open', () => {
    const found = reportedEntry(entry('stolen'))!;
    const opened = {
      issuingCountry: 'DK',
      status: 'stolen' as const,
      documentType: 'passport' as const,
      reportedAt: '2026-11-20T08:00:00.000Z',
      details: { familyName: 'Jensen' },
    };
    expect(documentHit(found, opened, { hitId: 'h1', answerBy: '2026-12-01T10:10:00.000Z' })).toEqual({
      owner: 'DK',
      status: 'stolen',
      version: 3,
      reportedAt: '2026-11-20T08:00:00.000Z',
      documentType: 'passport',
      details: { familyName: 'Jensen' },
      sealed: 'opened',
      hitId: 'h1',
      answerBy: '2026-12-01T10:10:00.000Z',
      notification: 'sent',
    });
    expect(documentHit(found, null, null)).toEqual({
      owner: 'DK',
      status: 'stolen',
      version: 3,
      reportedAt: null,
      documentType: null,
      details: null,
      sealed: 'unreadable',
      hitId: null,
      answerBy: null,
      notification: 'failed',
    });
  });
});
