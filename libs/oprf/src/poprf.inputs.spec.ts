import { OprfError, type OprfErrorCode } from './oprf.errors';
import type { Poprf } from './poprf';
import { referencePoprf } from './poprf.reference';
import { createSodiumPoprf } from './poprf.sodium';
import { POPRF_KEY } from './poprf.test-vectors';
import { framedInfo } from './poprf.transcript';
import { GROUP_ORDER_LE } from './scalar.encoding';
import { loadRistretto255 } from './ristretto255.sodium';

function refusal(run: () => unknown): { code: OprfErrorCode; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof OprfError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the operation was accepted');
}

const info = Buffer.from('DK');
const input = Buffer.from('P<DNKAB1234567');
const zeros = (n: number) => new Uint8Array(n);
/** Not a ristretto255 encoding: a negative field element (odd low bit). */
const notAnElement = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0));

describe.each([
  ['reference', () => Promise.resolve(referencePoprf)],
  ['fast', createSodiumPoprf],
])('boundary checks, %s implementation', (_name, create) => {
  let poprf: Poprf;
  let blinded: Uint8Array;
  beforeAll(async () => {
    poprf = await create();
    blinded = poprf.blind({ input, info, serverPublicKey: POPRF_KEY.pkSm }).blindedElement;
  });
  const evaluate = (changes: object) => () =>
    poprf.blindEvaluate({ serverSecretKey: POPRF_KEY.skSm, blindedElement: blinded, info, ...changes });

  it.each<[string, () => object, OprfErrorCode, string]>([
    [
      'info of 2^16 bytes',
      () => ({ info: zeros(0x10000) }),
      'bad-info-length',
      'info must be at most 65535 bytes, got 65536',
    ],
    [
      'a 31-byte element',
      () => ({ blindedElement: zeros(31) }),
      'bad-element-encoding',
      'blinded element 0 must be a 32-byte ristretto255 element, got 31 bytes',
    ],
    [
      'the identity element',
      () => ({ blindedElement: zeros(32) }),
      'identity-element',
      'blinded element 0 is the identity element',
    ],
    [
      'a non-canonical element',
      () => ({ blindedElement: notAnElement }),
      'bad-element-encoding',
      'blinded element 0 is not a canonical ristretto255 encoding',
    ],
    [
      'a secret key equal to the order',
      () => ({ serverSecretKey: GROUP_ORDER_LE }),
      'bad-scalar-encoding',
      'server secret key is not below the ristretto255 group order',
    ],
    ['a zero secret key', () => ({ serverSecretKey: zeros(32) }), 'zero-scalar', 'server secret key is zero'],
    [
      'no blinded element',
      () => ({ blindedElement: undefined }),
      'bad-element-encoding',
      'blinded element 0 must be a 32-byte ristretto255 element, got undefined',
    ],
    [
      'a zero proof random scalar',
      () => ({ randomScalar: () => zeros(32) }),
      'zero-scalar',
      'proof random scalar is zero',
    ],
  ])('BlindEvaluate refuses %s', (_what, changes, code, message) => {
    expect(refusal(evaluate(changes()))).toEqual({ code, message });
  });

  it('BlindEvaluateBatch refuses an empty batch', () => {
    const run = () => poprf.blindEvaluateBatch({ serverSecretKey: POPRF_KEY.skSm, blindedElements: [], info });
    expect(refusal(run)).toEqual({ code: 'empty-batch', message: 'blinded elements must be a non-empty array' });
  });

  it('Blind refuses an oversized input, a bad public key and a bad injected blind', () => {
    const blind = (changes: object) => () => poprf.blind({ input, info, serverPublicKey: POPRF_KEY.pkSm, ...changes });
    expect(refusal(blind({ input: zeros(0x10000) }))).toEqual({
      code: 'bad-input-length',
      message: 'input must be at most 65535 bytes, got 65536',
    });
    expect(refusal(blind({ serverPublicKey: zeros(32) })).code).toBe('identity-element');
    expect(refusal(blind({ serverPublicKey: notAnElement })).code).toBe('bad-element-encoding');
    expect(refusal(blind({ randomScalar: () => GROUP_ORDER_LE }))).toEqual({
      code: 'bad-scalar-encoding',
      message: 'blind is not below the ristretto255 group order',
    });
  });

  it('accepts info and input of exactly 2^16 - 1 bytes', () => {
    const longest = zeros(0xffff);
    const keys = poprf.deriveKeyPair({ seed: POPRF_KEY.seed, keyInfo: longest });
    expect(poprf.evaluate({ serverSecretKey: keys.secretKey, input: longest, info: longest })).toHaveLength(64);
  });

  it('DeriveKeyPair refuses a seed that is not 32 bytes', () => {
    expect(refusal(() => poprf.deriveKeyPair({ seed: zeros(31), keyInfo: info }))).toEqual({
      code: 'bad-seed-length',
      message: 'seed must be 32 bytes, got 31 bytes',
    });
  });

  describe('keys that cancel the info (RFC 9497 InverseError)', () => {
    let cancelling: { secretKey: Uint8Array; publicKey: Uint8Array };
    beforeAll(async () => {
      const group = await loadRistretto255();
      const secretKey = group.scalarSub(zeros(32), group.hashToScalar(framedInfo(info)));
      cancelling = { secretKey, publicKey: group.multiplyBase(secretKey) };
    });

    it('BlindEvaluate and Evaluate refuse skS = -HashToScalar(info)', () => {
      const expected = {
        code: 'inverse-error',
        message: 'server secret key + HashToScalar(info) is zero: replace the key',
      };
      expect(refusal(evaluate({ serverSecretKey: cancelling.secretKey }))).toEqual(expected);
      expect(refusal(() => poprf.evaluate({ serverSecretKey: cancelling.secretKey, input, info }))).toEqual(expected);
    });

    it('Blind refuses the public key whose tweaked key is the identity', () => {
      expect(refusal(() => poprf.blind({ input, info, serverPublicKey: cancelling.publicKey }))).toEqual({
        code: 'identity-element',
        message: 'tweaked key is the identity element: this public key cancels this info',
      });
    });
  });
});
