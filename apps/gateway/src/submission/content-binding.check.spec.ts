import { checkContentBinding } from './content-binding.check';

const ID = '0192b3c4-0000-7000-8000-000000000001';
const protectedHeader = (header: Record<string, unknown>) => Buffer.from(JSON.stringify(header)).toString('base64url');
const content = (header: Record<string, unknown>) => ({
  protected: protectedHeader(header),
  recipients: [{}],
  iv: 'AA',
  ciphertext: 'AA',
  tag: 'AA',
});

describe('checkContentBinding', () => {
  it('accepts content bound to this envelope and its sender, and a contentless envelope', () => {
    expect(
      checkContentBinding({ id: ID, from: 'DK', content: content({ enc: 'A256GCM', bn_id: ID, bn_from: 'DK' }) }),
    ).toBeUndefined();
    expect(checkContentBinding({ id: ID, from: 'DK' })).toBeUndefined();
  });

  it('refuses content bound to another envelope id, naming bn_id', () => {
    expect(checkContentBinding({ id: ID, from: 'DK', content: content({ bn_id: 'other', bn_from: 'DK' }) })).toEqual({
      code: 'content-binding-mismatch',
      message: `payload.content.protected: bn_id "other" is not the envelope id ${ID}`,
    });
  });

  it('refuses content bound to another sender, or not bound at all, naming each field', () => {
    expect(checkContentBinding({ id: ID, from: 'DK', content: content({ bn_id: ID, bn_from: 'MR' }) })?.message).toBe(
      'payload.content.protected: bn_from "MR" is not the sender DK',
    );
    expect(checkContentBinding({ id: ID, from: 'DK', content: content({ enc: 'A256GCM' }) })?.message).toMatch(
      /bn_id undefined .*; bn_from undefined/,
    );
  });
});
