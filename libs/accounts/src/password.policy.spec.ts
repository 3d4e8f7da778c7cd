import { checkNewPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.policy';
import { hashPassword, verifyNobody, verifyPassword } from './password.hasher';

describe('the password policy', () => {
  it('takes 12 to 256 characters, counted as characters rather than bytes', () => {
    expect(() => checkNewPassword('a'.repeat(PASSWORD_MIN_LENGTH))).not.toThrow();
    expect(() => checkNewPassword('é'.repeat(PASSWORD_MAX_LENGTH))).not.toThrow();
    expect(() => checkNewPassword('🔑'.repeat(PASSWORD_MIN_LENGTH))).not.toThrow();
  });

  it('refuses a short or an overlong one, naming the bound', () => {
    expect(() => checkNewPassword('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toThrow(
      expect.objectContaining({ code: 'password-too-short', message: expect.stringContaining('12') }),
    );
    expect(() => checkNewPassword('a'.repeat(PASSWORD_MAX_LENGTH + 1))).toThrow(
      expect.objectContaining({ code: 'password-too-long', message: expect.stringContaining('256') }),
    );
  });
});

describe('the password hasher', () => {
  it('stores Argon2id with the OWASP parameters and a salt of its own', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password only, and a malformed hash as no match', async () => {
    const phc = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(phc, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(phc, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct horse battery staple')).toBe(false);
    expect(await verifyNobody('anything')).toBe(false);
  });
});
