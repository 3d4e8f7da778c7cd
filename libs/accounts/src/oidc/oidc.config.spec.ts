import { oidcConfigFor, readOidcSettings } from './oidc.config';

const PUBLIC_URL = 'https://node-mr.example:3100';
const base = { OIDC_ISSUER: 'https://id.example/realms/mr', OIDC_CLIENT_ID: 'bureaunet', OIDC_CLIENT_SECRET: 's3cret' };

describe('readOidcSettings', () => {
  it('is off when OIDC_ISSUER is unset', () => {
    expect(readOidcSettings({})).toBeUndefined();
  });

  it('reads a provider, with the callback under the public URL and preferred_username by default', () => {
    const config = oidcConfigFor(readOidcSettings(base)!, PUBLIC_URL);
    expect(config.issuer.href).toBe('https://id.example/realms/mr');
    expect(config.redirectUri.href).toBe('https://node-mr.example:3100/api/session/oidc/callback');
    expect(config.usernameClaim).toBe('preferred_username');
    expect(config.name).toBe('id.example');
    const named = readOidcSettings({ ...base, OIDC_NAME: 'MR Police ID', OIDC_USERNAME_CLAIM: 'upn' })!;
    expect(oidcConfigFor({ ...named, redirectUri: new URL('https://sso.mr/cb') }, PUBLIC_URL).redirectUri.href).toBe(
      'https://sso.mr/cb',
    );
    expect(named).toMatchObject({ name: 'MR Police ID', usernameClaim: 'upn' });
  });

  it('takes plain http on loopback only', () => {
    expect(readOidcSettings({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4444' })!.issuer.port).toBe('4444');
    expect(() => readOidcSettings({ ...base, OIDC_ISSUER: 'http://id.example' })).toThrow(/OIDC_ISSUER/);
  });

  it('names every missing or bad variable at once', () => {
    expect(() => readOidcSettings({ OIDC_ISSUER: 'https://id.example', OIDC_REDIRECT_URI: 'nope' })).toThrow(
      /OIDC_CLIENT_ID is required[\s\S]*OIDC_CLIENT_SECRET is required[\s\S]*OIDC_REDIRECT_URI must match/,
    );
  });
});
