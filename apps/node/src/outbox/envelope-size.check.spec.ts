import { DomainError } from '@bureaunet/contracts';
import { assertSendableSize, MAX_SENDABLE_ENVELOPE_BYTES } from './envelope-size.check';

describe('assertSendableSize', () => {
  it('leaves room under the 1 MiB bus limit for the message headers', () => {
    expect(MAX_SENDABLE_ENVELOPE_BYTES).toBe(1_048_576 - 4_096);
  });

  it('accepts the limit itself and refuses one byte more, naming both sizes', () => {
    expect(() => assertSendableSize(MAX_SENDABLE_ENVELOPE_BYTES)).not.toThrow();
    let refusal: unknown;
    try {
      assertSendableSize(MAX_SENDABLE_ENVELOPE_BYTES + 1);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'too-large',
      kind: 'too-large',
      message: expect.stringContaining(
        `of ${MAX_SENDABLE_ENVELOPE_BYTES + 1} bytes exceeds the ${MAX_SENDABLE_ENVELOPE_BYTES} bytes`,
      ),
    });
  });
});
