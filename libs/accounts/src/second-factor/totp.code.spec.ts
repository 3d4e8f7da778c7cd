import { totpCodeAt, totpSecretBase32, totpStepAt, totpUri, verifyTotp } from './totp.code';

// RFC 6238 Appendix B, the SHA-1 column: the 20-byte ASCII seed, 8-digit codes.
const RFC_SEED = new TextEncoder().encode('12345678901234567890');
const RFC_VECTORS: Array<[seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP code (RFC 6238)', () => {
  it.each(RFC_VECTORS)('at T=%i the SHA-1 code is %s', (seconds, code) => {
    expect(totpCodeAt(RFC_SEED, at(seconds), 8)).toBe(code);
  });

  it('six-digit codes are the last six digits of the eight-digit ones (RFC 4226 truncation)', () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCodeAt(RFC_SEED, at(seconds))).toBe(code.slice(2));
  });

  it('accepts the current code and returns its step', () => {
    const now = at(1234567890);
    expect(verifyTotp({ secret: RFC_SEED, code: '005924', now })).toBe(totpStepAt(now));
  });

  it('accepts a code one step either side of now, not two', () => {
    const now = at(1234567890);
    const code = (offsetSteps: number) => totpCodeAt(RFC_SEED, at(1234567890 + offsetSteps * 30));
    expect(verifyTotp({ secret: RFC_SEED, code: code(-1), now })).toBe(totpStepAt(now) - 1);
    expect(verifyTotp({ secret: RFC_SEED, code: code(1), now })).toBe(totpStepAt(now) + 1);
    expect(verifyTotp({ secret: RFC_SEED, code: code(-2), now })).toBeUndefined();
    expect(verifyTotp({ secret: RFC_SEED, code: code(2), now })).toBeUndefined();
  });

  it('refuses a replay: a code of the step last accepted, or of an earlier one', () => {
    const now = at(1234567890);
    const step = totpStepAt(now);
    expect(verifyTotp({ secret: RFC_SEED, code: '005924', now, lastStep: step })).toBeUndefined();
    const previous = totpCodeAt(RFC_SEED, at(1234567890 - 30));
    expect(verifyTotp({ secret: RFC_SEED, code: previous, now, lastStep: step })).toBeUndefined();
    const next = totpCodeAt(RFC_SEED, at(1234567890 + 30));
    expect(verifyTotp({ secret: RFC_SEED, code: next, now, lastStep: step })).toBe(step + 1);
  });

  it('refuses a wrong code and anything that is not six digits; tolerates the space apps show', () => {
    const now = at(1234567890);
    expect(verifyTotp({ secret: RFC_SEED, code: '005925', now })).toBeUndefined();
    for (const code of ['', '05924', '0059240', '89005924', 'abcdef', '00592x'])
      expect(verifyTotp({ secret: RFC_SEED, code, now })).toBeUndefined();
    expect(verifyTotp({ secret: RFC_SEED, code: '005 924', now })).toBe(totpStepAt(now));
  });

  it('names the secret in base32 and in an otpauth URI an app scans', () => {
    expect(totpSecretBase32(RFC_SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const uri = new URL(totpUri(RFC_SEED, 'bureaunet MR', 'ana.officer'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(uri.searchParams.get('issuer')).toBe('bureaunet MR');
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});
