import { readOidcConfig } from './oidc.config';

const PUBLIC_URL = 'https://node-mr.example:3100';
const base = { OIDC_ISSUER: 'https://id.example/realms/mr', OIDC_CLIENT_ID: 'bureaunet', OIDC_CLIENT_SECRET: 's3cret' };

describe('readOidcConfig', () => {
  it('is off when OIDC_ISSUER is unset', () => {
    expect(readOidcConfig({}, PUBLIC_URL)).toBeUndefined();
  });

  it('reads a provider, with the callback under the public URL and preferred_username by default', () => {
    const config = readOidcConfig(base, PUBLIC_URL)!;
    expect(config.issuer.href).toBe('https://id.example/realms/mr');
    expect(config.redirectUri.href).toBe('https://node-mr.example:3100/api/session/oidc/callback');
    expect(config.usernameClaim).toBe('preferred_username');
    expect(config.name).toBe('id.example');
    const named = readOidcConfig({ ...base, OIDC_NAME: 'MR Police ID', OIDC_USERNAME_CLAIM: 'upn' }, PUBLIC_URL)!;
    expect(named).toMatchObject({ name: 'MR Police ID', usernameClaim: 'upn' });
  });

  it('takes plain http on loopback only', () => {
    expect(readOidcConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4444' }, PUBLIC_URL)!.issuer.port).toBe('4444');
    expect(() => readOidcConfig({ ...base, OIDC_ISSUER: 'http://id.example' }, PUBLIC_URL)).toThrow(/OIDC_ISSUER/);
  });

  it('names every missing or bad variable at once', () => {
    expect(() => readOidcConfig({ OIDC_ISSUER: 'https://id.example', OIDC_REDIRECT_URI: 'nope' }, PUBLIC_URL)).toThrow(
      /OIDC_CLIENT_ID is required[\s\S]*OIDC_CLIENT_SECRET is required[\s\S]*OIDC_REDIRECT_URI must match/,
    );
  });
});
