import { RoleTokens } from './role-tokens';

describe('RoleTokens', () => {
  const tokens = RoleTokens.parse('admin:admin-token-0123456789,auditor:auditor-token-0123456789');

  it('maps each token to its role', () => {
    expect(tokens.roleOf('admin-token-0123456789')).toBe('admin');
    expect(tokens.roleOf('auditor-token-0123456789')).toBe('auditor');
  });

  it('grants nothing for an unknown or truncated token', () => {
    expect(tokens.roleOf('admin-token-012345678')).toBeUndefined();
    expect(tokens.roleOf('')).toBeUndefined();
  });

  it('refuses an unknown role and a short token, naming the problem', () => {
    expect(() => RoleTokens.parse('root:abcdefabcdefabcdef')).toThrow(/known role/);
    expect(() => RoleTokens.parse('admin:short')).toThrow(/admin token must be at least 16/);
  });
});
