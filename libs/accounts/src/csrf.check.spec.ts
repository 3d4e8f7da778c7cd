import { csrfTokensMatch, isUnsafeMethod, requireCsrfToken } from './csrf.check';

describe('the CSRF check', () => {
  const token = 'Yx5qQeZ3l1mJw0Zz6q0b8bW9e3n6c1sS2t4u5v6w7x8';

  it('asks for the token on the methods that change state only', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'post'].map(isUnsafeMethod)).toEqual([true, true, true, true, true]);
    expect(['GET', 'HEAD', 'OPTIONS'].map(isUnsafeMethod)).toEqual([false, false, false]);
  });

  it('matches the same token only, whatever the lengths', () => {
    expect(csrfTokensMatch(token, token)).toBe(true);
    expect(csrfTokensMatch(token, `${token}x`)).toBe(false);
    expect(csrfTokensMatch(token, token.slice(0, -1))).toBe(false);
    expect(csrfTokensMatch(token, '')).toBe(false);
  });

  it('names a missing token apart from a wrong one', () => {
    expect(() => requireCsrfToken(token, undefined)).toThrow(expect.objectContaining({ code: 'csrf-missing' }));
    expect(() => requireCsrfToken(token, '')).toThrow(expect.objectContaining({ code: 'csrf-missing' }));
    expect(() => requireCsrfToken(token, [token, token])).toThrow(expect.objectContaining({ code: 'csrf-missing' }));
    expect(() => requireCsrfToken(token, 'wrong')).toThrow(
      expect.objectContaining({ code: 'csrf-invalid', kind: 'forbidden' }),
    );
    expect(() => requireCsrfToken(token, token)).not.toThrow();
  });
});
