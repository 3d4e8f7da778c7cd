import { DomainError } from '@bureaunet/contracts';
import { askingBureau, parseEvaluateRequest } from './evaluate-request.parser';

const element = (byte: number) => Buffer.from(new Uint8Array(32).fill(byte)).toString('base64url');

function refusal(read: () => unknown): { code: string; message: string } {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { code, message } = error as DomainError;
    return { code, message };
  }
  throw new Error('expected a refusal');
}

describe('parseEvaluateRequest', () => {
  it('takes the asking bureau from the subject and decodes the elements', () => {
    expect(askingBureau('bn.checks.evaluate.DK')).toBe('DK');
    const parsed = parseEvaluateRequest({ info: 'MR', blindedElements: [element(1), element(2)] });
    expect(parsed.info).toBe('MR');
    expect(parsed.blindedElements).toEqual([new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)]);
  });

  it('refuses a subject that does not end with a bureau code', () => {
    expect(refusal(() => askingBureau('bn.checks.evaluate.dk'))).toEqual({
      code: 'bad-request',
      message: 'subject bn.checks.evaluate.dk does not end with a bureau code',
    });
  });

  it.each([
    [{ info: 'MR', blindedElements: [] }, 'body.blindedElements: must hold at least one blinded element'],
    [
      { info: 'MR', blindedElements: Array.from({ length: 257 }, () => element(1)) },
      'body.blindedElements: must hold at most 256 blinded elements',
    ],
    [
      { info: 'MR', blindedElements: [element(1), 'short'] },
      'body.blindedElements.1: must be 32 bytes of ristretto255 element in base64url',
    ],
    [
      { info: 'MR', blindedElements: [`${element(1).slice(0, 42)}=`] },
      'body.blindedElements.0: must be base64url without padding',
    ],
    [
      { info: 'mr', blindedElements: [element(1)] },
      'body.info: must be a two-letter upper-case bureau code (ISO 3166-1 alpha-2)',
    ],
    [{ blindedElements: [element(1)] }, 'body.info: Required'],
    [{ info: 'MR', blindedElements: [element(1)], extra: 1 }, "body: Unrecognized key(s) in object: 'extra'"],
    [null, 'body: Expected object, received null'],
  ])('refuses %j naming the field', (body, message) => {
    expect(refusal(() => parseEvaluateRequest(body))).toEqual({ code: 'bad-request', message });
  });
});
