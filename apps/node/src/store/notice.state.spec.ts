import { DomainError } from '@bureaunet/contracts';
import { documentRows, noticeBodyOf, noticeRow } from './notice.rows';
import {
  assertCancellable,
  assertPending,
  assertUpdatable,
  effectiveNoticeState,
  isNewerRevision,
  noticeNumber,
  today,
} from './notice.state';

describe('notice state', () => {
  it('an active notice past its review-by date has lapsed; a cancelled one stays cancelled', () => {
    expect(effectiveNoticeState('active', '2026-11-25', '2026-11-25')).toBe('active');
    expect(effectiveNoticeState('active', '2026-11-24', '2026-11-25')).toBe('lapsed');
    expect(effectiveNoticeState('cancelled', '2030-01-01', '2026-11-25')).toBe('cancelled');
  });

  it('transitions: cancel once, update while not cancelled, decide a pending request only', () => {
    expect(() => assertCancellable('A-1/2026', 'active')).not.toThrow();
    expect(() => assertCancellable('A-1/2026', 'cancelled')).toThrow(
      expect.objectContaining({ code: 'notice-cancelled', kind: 'conflict' }),
    );
    expect(() => assertUpdatable('A-1/2026', 'cancelled')).toThrow(DomainError);
    expect(() => assertPending('r1', 'pending')).not.toThrow();
    expect(() => assertPending('r1', 'refused')).toThrow(expect.objectContaining({ code: 'request-decided' }));
  });

  it('keeps the newest revision', () => {
    expect(isNewerRevision(undefined, 1)).toBe(true);
    expect(isNewerRevision(2, 3)).toBe(true);
    expect(isNewerRevision(2, 2)).toBe(false);
    expect(isNewerRevision(3, 2)).toBe(false);
  });

  it('numbers and days', () => {
    expect(noticeNumber(12, 2026)).toBe('A-12/2026');
    expect(today(new Date('2026-11-25T23:59:59Z'))).toBe('2026-11-25');
  });
});

describe('notice rows', () => {
  const body = {
    number: 'A-3/2026',
    type: 'yellow' as const,
    owner: 'MR',
    subject: {
      familyName: 'Ñúñez',
      givenNames: 'José María',
      dateOfBirth: '2001-05-04',
      documentNumbers: ['ab-12 3', 'AB123'],
    },
    offence: 'missing',
    expiry: '2030-01-01',
    revision: 2,
    publishedAt: '2026-11-25T10:00:00.000Z',
  };
  const row = noticeRow(body, {
    envelopeId: 'e1',
    restrictedTo: ['IT'],
    recipients: ['DK'],
    at: '2026-11-25T11:00:00.000Z',
  });

  it('indexes document numbers in their search form', () => {
    expect(documentRows(row)).toEqual([{ number: 'A-3/2026', document: 'AB123' }]);
  });

  it('round-trips to the body', () => {
    expect(noticeBodyOf(row)).toEqual(body);
  });
});
