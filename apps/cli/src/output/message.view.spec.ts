import type { ReceivedMessageView, SentMessageView } from '@bureaunet/api-clients';
import { contentText, inboxTable, messageText, readStateOf, summaryOf } from './message.view';

const received = (overrides: Partial<ReceivedMessageView> & Record<string, unknown> = {}): ReceivedMessageView => {
  const message: ReceivedMessageView = {
    id: '0193a1f0-0000-7000-8000-000000000001',
    direction: 'received',
    from: 'DK',
    kind: 'message',
    meta: {},
    handling: { code: 'H0' },
    body: { subject: 'Stolen car', text: 'Plate AB 12 345' },
    createdAt: '2026-12-01T20:00:00.000Z',
    receivedAt: '2026-12-01T20:00:01.000Z',
  };
  return { ...message, ...overrides };
};

describe('message views', () => {
  it('sums a body up by subject, title, workflow or text, in that order', () => {
    expect(summaryOf({ subject: 'S', title: 'T' })).toBe('S');
    expect(summaryOf({ title: 'T', details: 'D' })).toBe('T');
    expect(summaryOf({ workflow: 'notice-refusal', reason: 'r' })).toBe('notice-refusal');
    expect(summaryOf({ text: 'evidence' })).toBe('evidence');
    expect(summaryOf('plain')).toBe('plain');
    expect(summaryOf([1, 2])).toBe('[1,2]');
    expect(summaryOf(null)).toBe('');
  });

  it('reads the read state whichever way the node says it, blank when it does not', () => {
    expect(readStateOf(received({ read: true }))).toBe('yes');
    expect(readStateOf(received({ unread: true }))).toBe('no');
    expect(readStateOf(received({ readAt: null }))).toBe('no');
    expect(readStateOf(received({ readAt: '2026-12-01T20:00:00Z' }))).toBe('yes');
    expect(readStateOf(received())).toBe('');
  });

  it('lists the inbox as time, sender, kind, subject, read and id', () => {
    const lines = inboxTable([received({ read: false })]).split('\n');
    expect(lines[0]).toMatch(/^TIME\s+FROM\s+KIND\s+SUBJECT\s+READ\s+ID$/);
    expect(lines[1]).toMatch(/^2026-12-01 20:00:01Z\s+DK\s+message\s+Stolen car\s+no\s+0193a1f0-/);
    expect(inboxTable([])).toBe('the inbox is empty\n');
  });

  it('shows a received message with its verified sender and its content', () => {
    const text = messageText(received());
    expect(text).toContain('from      DK (signature verified)');
    expect(text).toContain('subject: Stolen car\n\nPlate AB 12 345\n');
  });

  it("shows a sent message's state per recipient, with the rule that refused", () => {
    const sent = {
      id: 'm-1',
      direction: 'sent',
      kind: 'message',
      to: ['DK', 'SE'],
      meta: {},
      createdAt: '2026-12-01T20:00:00Z',
      expiresAt: '2026-12-02T20:00:00Z',
      status: 'accepted',
      attempts: 0,
      recipients: [
        { code: 'DK', state: 'receipted', receiptedAt: '2026-12-01T20:00:02Z' },
        {
          code: 'SE',
          state: 'refused',
          refusal: { code: 'policy-denied', message: 'SE refuses', rule: 'bilateral-1' },
        },
      ],
    } as SentMessageView;
    const text = messageText(sent);
    expect(text).toContain('to       DK, SE');
    expect(text).toMatch(/DK\s+receipted\s+2026-12-01 20:00:02Z/);
    expect(text).toMatch(/SE\s+refused\s+policy-denied: rule bilateral-1: SE refuses/);
  });

  it('prints any other body as indented JSON, without control characters', () => {
    expect(contentText({ a: 1 })).toBe('{\n  "a": 1\n}\n');
    expect(contentText('x\u001b]0;pwned\u0007y')).toBe('x ]0;pwned y\n');
    expect(contentText(null)).toBe('');
  });
});
