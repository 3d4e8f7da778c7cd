import { readRegistryConfig, registryRoleTokens } from '../registry.config';

const VALID = { NATS_URL: 'nats://127.0.0.1:4222', REGISTRY_ADMIN_TOKEN: 'a-long-enough-admin-token' };

describe('registry role tokens', () => {
  it('grants admin to REGISTRY_ADMIN_TOKEN and the listed roles to REGISTRY_ROLE_TOKENS', () => {
    const config = readRegistryConfig({
      ...VALID,
      REGISTRY_ROLE_TOKENS: 'auditor:an-auditor-token-0123,officer:an-officer-token-0123',
    });
    const tokens = registryRoleTokens(config);
    expect(tokens.roleOf('a-long-enough-admin-token')).toBe('admin');
    expect(tokens.roleOf('an-auditor-token-0123')).toBe('auditor');
    expect(tokens.roleOf('an-officer-token-0123')).toBe('officer');
  });

  it('works with the admin token alone', () => {
    expect(registryRoleTokens(readRegistryConfig(VALID)).roleOf('a-long-enough-admin-token')).toBe('admin');
  });

  it('refuses a bad REGISTRY_ROLE_TOKENS without printing any of it', () => {
    for (const spec of ['root:a-root-token-0123456789', 'officer:short', 'no-separator-at-all-here']) {
      let message = '';
      try {
        readRegistryConfig({ ...VALID, REGISTRY_ROLE_TOKENS: spec });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('REGISTRY_ROLE_TOKENS must be role:token pairs');
      expect(message).not.toContain(spec.slice(spec.indexOf(':') + 1, spec.indexOf(':') + 8));
    }
  });
});
