import { activityLeafHash, encodeActivityEntry, parseActivityEntry, type ActivityEntry } from './activity-entry';

const entry: ActivityEntry = {
  at: '2026-12-01T10:00:00.000Z',
  actor: 'person:ana',
  role: 'officer',
  personId: 'p-1',
  action: 'notice.search',
  purpose: 'case 2026/118 — vérification',
  outcome: 'done',
};

describe('activity entry', () => {
  it('is hashed as its RFC 8785 canonical JSON (vector, checked with Python hashlib)', () => {
    expect(encodeActivityEntry(entry).toString('utf8')).toBe(
      '{"action":"notice.search","actor":"person:ana","at":"2026-12-01T10:00:00.000Z","outcome":"done","personId":"p-1","purpose":"case 2026/118 — vérification","role":"officer"}',
    );
    expect(activityLeafHash(entry).toString('hex')).toBe(
      '7c0572757f4ac3966cf77206e349cdfdade67615c51dcf148ea4538624696b75',
    );
  });

  it('leaves absent members out, whatever the order they were given in', () => {
    const reordered = {
      outcome: 'done',
      role: 'officer',
      actor: 'person:ana',
      at: entry.at,
      action: 'notice.search',
      target: undefined,
    };
    expect(encodeActivityEntry(reordered as ActivityEntry).toString('utf8')).toBe(
      '{"action":"notice.search","actor":"person:ana","at":"2026-12-01T10:00:00.000Z","outcome":"done","role":"officer"}',
    );
  });

  it.each([
    ['a purpose over 200 characters', { purpose: 'x'.repeat(201) }, /purpose must be 1 to 200/],
    ['a target over 200 characters', { target: 'x'.repeat(201) }, /target must be 1 to 200/],
    ['a control character', { purpose: 'a\nb' }, /purpose holds a control character/],
    ['a bad actor', { actor: 'ana' }, /actor "ana"/],
    ['a bad action', { action: 'Send!' }, /action "Send!"/],
    ['a non-UTC time', { at: '2026-12-01T10:00:00+01:00' }, /is not an ISO 8601 UTC time/],
    ['a refusal without code', { outcome: 'refused' }, /a refusal names its code/],
  ])('refuses %s with bad-activity-entry', (_name, change, reason) => {
    const bad = { ...entry, ...change } as ActivityEntry;
    expect(() => encodeActivityEntry(bad)).toThrow(reason);
    expect(() => encodeActivityEntry(bad)).toThrow(expect.objectContaining({ code: 'bad-activity-entry' }));
  });

  it('parses an entry back and refuses unknown members or non-string values', () => {
    expect(parseActivityEntry(JSON.parse(encodeActivityEntry(entry).toString('utf8')))).toEqual(entry);
    expect(() => parseActivityEntry({ ...entry, extra: 'x' })).toThrow(/unknown member\(s\) extra/);
    expect(() => parseActivityEntry({ ...entry, role: 3 })).toThrow(/role is not a string/);
  });
});
