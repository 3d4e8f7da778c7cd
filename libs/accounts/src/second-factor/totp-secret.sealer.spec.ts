import { randomBytes } from 'node:crypto';
import { TotpSecretSealer } from './totp-secret.sealer';

describe('TotpSecretSealer', () => {
  const secret = Uint8Array.from(randomBytes(20));
  const sealer = new TotpSecretSealer(randomBytes(32));

  it('opens what it sealed, for the same person', () => {
    const sealed = sealer.seal(secret, 'person-1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealer.open(sealed, 'person-1')).toEqual(secret);
  });

  it('seals twice differently (a fresh nonce each time)', () => {
    expect(sealer.seal(secret, 'person-1')).not.toBe(sealer.seal(secret, 'person-1'));
  });

  it('does not open for another person, under another key, or altered', () => {
    const sealed = sealer.seal(secret, 'person-1');
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'opened';
    };
    expect(code(() => sealer.open(sealed, 'person-2'))).toBe('totp-secret-unreadable');
    expect(code(() => new TotpSecretSealer(randomBytes(32)).open(sealed, 'person-1'))).toBe('totp-secret-unreadable');
    const body = Buffer.from(sealed.slice(3), 'base64url');
    body[15] ^= 1;
    expect(code(() => sealer.open(`v1.${body.toString('base64url')}`, 'person-1'))).toBe('totp-secret-unreadable');
    expect(code(() => sealer.open('v2.AAAA', 'person-1'))).toBe('totp-secret-unreadable');
    expect(code(() => sealer.open('v1.AAAA', 'person-1'))).toBe('totp-secret-unreadable');
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new TotpSecretSealer(randomBytes(16))).toThrow(/32 bytes/);
  });
});
