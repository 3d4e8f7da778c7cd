import { isPersonalToken, newPersonalToken, newSecret, secretDigest } from './secret-token';

describe('secrets and personal tokens', () => {
  it('makes 256-bit base64url secrets, each new', () => {
    const secrets = new Set(Array.from({ length: 100 }, newSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('writes personal tokens as bnp_<43 base64url> and knows them by that form', () => {
    const token = newPersonalToken();
    expect(token).toMatch(/^bnp_[A-Za-z0-9_-]{43}$/);
    expect(isPersonalToken(token)).toBe(true);
    expect(isPersonalToken(token.slice(0, -1))).toBe(false);
    expect(isPersonalToken(`${token}A`)).toBe(false);
    expect(isPersonalToken(token.replace('bnp_', 'bnx_'))).toBe(false);
    expect(isPersonalToken('admin-token-0123456789')).toBe(false);
  });

  it('keeps a SHA-256 digest in place of a secret', () => {
    expect(secretDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
