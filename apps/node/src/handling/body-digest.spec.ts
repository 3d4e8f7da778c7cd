import { MAX_RECEIVED_TEXTS, MIN_CONTENT_LENGTH, outgoingBodyDigests, receivedBodyDigests } from './body-digest';

const LONG = 'The suspect was seen at the ferry terminal on Tuesday evening with two bags.';

describe('body digests', () => {
  it('recognise a body whatever the key order, and a text whatever its whitespace', () => {
    const [whole, text] = receivedBodyDigests({ subject: 'Ferry', text: LONG });
    expect(whole).toMatch(/^json:[A-Za-z0-9_-]{43}$/);
    expect(text).toMatch(/^text:[A-Za-z0-9_-]{43}$/);
    expect(outgoingBodyDigests({ text: LONG, subject: 'Ferry' })).toContain(whole);
    expect(outgoingBodyDigests({ other: `  ${LONG.replace(/ /g, '\n\t')} ` })).toContain(text);
  });

  it('find a received body embedded in another', () => {
    const [whole] = receivedBodyDigests({ subject: 'Ferry', text: LONG });
    expect(outgoingBodyDigests({ note: 'fwd', original: { body: { subject: 'Ferry', text: LONG } } })).toContain(whole);
  });

  it('leave short content and null bodies out, and bound the texts kept per body', () => {
    expect(receivedBodyDigests(null)).toEqual([]);
    expect(receivedBodyDigests({ text: 'ok' })).toEqual([]);
    expect(outgoingBodyDigests('x'.repeat(MIN_CONTENT_LENGTH - 1))).toEqual([]);
    const many = Array.from({ length: 40 }, (_, index) => `${LONG} (${index})`);
    expect(receivedBodyDigests(many).filter((digest) => digest.startsWith('text:'))).toHaveLength(MAX_RECEIVED_TEXTS);
  });

  it('digest a body with a lone surrogate rather than refusing to', () => {
    expect(receivedBodyDigests({ text: `${LONG} \uD800` })).toHaveLength(2);
  });
});
