import { EVENT_STREAM_ROLES, hears } from './console-event.audience';

describe('hears', () => {
  it('gives an officer the message events and not the review queue', () => {
    expect(hears(['officer'], 'message')).toBe(true);
    expect(hears(['officer'], 'refusal')).toBe(true);
    expect(hears(['officer'], 'review')).toBe(false);
  });

  it('keeps inbox traffic from a border officer, who still hears hits and notices', () => {
    expect(hears(['border-officer'], 'message')).toBe(false);
    expect(hears(['border-officer'], 'receipt')).toBe(false);
    expect(hears(['border-officer'], 'hit')).toBe(true);
    expect(hears(['border-officer'], 'notice')).toBe(true);
  });

  it('adds up the roles of a person who holds several', () => {
    expect(hears(['border-officer', 'reviewer'], 'review')).toBe(true);
  });

  it('lets every node role open the stream, and no auditor (the gateway is theirs)', () => {
    expect(EVENT_STREAM_ROLES).not.toContain('auditor');
    expect(EVENT_STREAM_ROLES).toEqual(
      expect.arrayContaining(['officer', 'reviewer', 'coordinator', 'border-officer', 'admin']),
    );
  });
});
