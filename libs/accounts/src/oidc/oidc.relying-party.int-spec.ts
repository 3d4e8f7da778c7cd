import { OidcTestProvider } from '@bureaunet/testing';
import { oidcConfigFor, readOidcSettings } from './oidc.config';
import { OidcRelyingParty } from './oidc.relying-party';

const CLIENT = { clientId: 'bureaunet-mr', clientSecret: 'a-client-secret-for-tests' };
const PUBLIC_URL = 'http://127.0.0.1:9/';

/** Follows the provider's authorization redirect by hand: the query it sends the browser back with. */
async function authorize(location: string): Promise<URLSearchParams> {
  const response = await fetch(location, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get('location')!);
  expect(back.pathname).toBe('/api/session/oidc/callback');
  return back.searchParams;
}

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  return promise.then(
    () => ({ code: 'accepted' }),
    (error: { code?: string; message?: string }) => error,
  );
}

describe('OidcRelyingParty against a local provider', () => {
  let provider: OidcTestProvider;
  let party: OidcRelyingParty;

  beforeAll(async () => {
    provider = await OidcTestProvider.start(CLIENT);
    const config = oidcConfigFor(
      readOidcSettings({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.clientId,
        OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      })!,
      PUBLIC_URL,
    );
    party = new OidcRelyingParty(config);
  });
  afterAll(() => provider.stop());
  beforeEach(() => provider.signInAs({ sub: 'sub-ana', preferred_username: 'ana.officer', name: 'Ana' }));

  it('signs in through code + PKCE + state + nonce and names the subject and username', async () => {
    const start = await party.begin(new Date());
    const request = new URL(start.location);
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.searchParams.get('state')).toBeTruthy();
    expect(request.searchParams.get('nonce')).toBeTruthy();
    expect(request.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:9/api/session/oidc/callback');
    const callback = await authorize(start.location);
    await expect(party.complete(callback, start.browserToken, new Date())).resolves.toEqual({
      subject: 'sub-ana',
      username: 'ana.officer',
    });
  });

  it('refuses the same callback twice', async () => {
    const start = await party.begin(new Date());
    const callback = await authorize(start.location);
    await party.complete(callback, start.browserToken, new Date());
    expect((await refusal(party.complete(callback, start.browserToken, new Date()))).code).toBe('oidc-state-invalid');
  });

  it('refuses a callback with another state, or from another browser', async () => {
    const start = await party.begin(new Date());
    const callback = await authorize(start.location);
    const forged = new URLSearchParams(callback);
    forged.set('state', 'not-the-state');
    expect((await refusal(party.complete(forged, start.browserToken, new Date()))).code).toBe('oidc-state-invalid');
    const other = await party.begin(new Date());
    const otherCallback = await authorize(other.location);
    expect((await refusal(party.complete(otherCallback, 'another-browser', new Date()))).code).toBe(
      'oidc-state-invalid',
    );
    expect((await refusal(party.complete(otherCallback, undefined, new Date()))).code).toBe('oidc-state-invalid');
  });

  it('refuses an ID token with the wrong nonce, for another audience, or from another issuer', async () => {
    for (const tamper of [{ nonce: 'another-nonce' }, { aud: 'another-client' }, { iss: 'http://127.0.0.1:1' }]) {
      const start = await party.begin(new Date());
      const callback = await authorize(start.location);
      provider.tamperNextIdToken(tamper);
      const error = await refusal(party.complete(callback, start.browserToken, new Date()));
      expect(error.code).toBe('oidc-sign-in-failed');
    }
  });

  it('refuses an expired ID token, and one signed with a key the provider does not publish', async () => {
    const expired = await party.begin(new Date());
    const expiredCallback = await authorize(expired.location);
    provider.tamperNextIdToken({ exp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await refusal(party.complete(expiredCallback, expired.browserToken, new Date()))).code).toBe(
      'oidc-sign-in-failed',
    );
    const forged = await party.begin(new Date());
    const forgedCallback = await authorize(forged.location);
    await provider.forgeNextSignature();
    expect((await refusal(party.complete(forgedCallback, forged.browserToken, new Date()))).code).toBe(
      'oidc-sign-in-failed',
    );
  });

  it('passes on the provider refusing the person', async () => {
    provider.signInAs(undefined);
    const start = await party.begin(new Date());
    const callback = await authorize(start.location);
    const error = await refusal(party.complete(callback, start.browserToken, new Date()));
    expect(error).toMatchObject({ code: 'oidc-sign-in-failed', message: expect.stringContaining('access_denied') });
  });

  it('refuses when the client secret is wrong (the token endpoint says invalid_client)', async () => {
    const config = oidcConfigFor(
      readOidcSettings({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.clientId,
        OIDC_CLIENT_SECRET: 'wrong-secret',
      })!,
      PUBLIC_URL,
    );
    const wrong = new OidcRelyingParty(config);
    const start = await wrong.begin(new Date());
    const callback = await authorize(start.location);
    const error = await refusal(wrong.complete(callback, start.browserToken, new Date()));
    expect(error).toMatchObject({ code: 'oidc-sign-in-failed', message: expect.stringContaining('invalid_client') });
  });

  it('uses a code only with its PKCE verifier (the provider refuses another, and the code is spent)', async () => {
    const start = await party.begin(new Date());
    const callback = await authorize(start.location);
    const token = (verifier: string) =>
      fetch(`${provider.issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: callback.get('code')!,
          redirect_uri: 'http://127.0.0.1:9/api/session/oidc/callback',
          code_verifier: verifier,
        }),
      });
    expect(await (await token('a-verifier-that-is-not-the-one-sent-with-the-challenge')).json()).toEqual({
      error: 'invalid_grant',
    });
    // The relying party's own exchange now fails too: a code is good for one try.
    expect((await refusal(party.complete(callback, start.browserToken, new Date()))).code).toBe('oidc-sign-in-failed');
  });

  it('says the provider is unavailable when discovery fails', async () => {
    const config = oidcConfigFor(
      readOidcSettings({ OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' })!,
      PUBLIC_URL,
    );
    expect((await refusal(new OidcRelyingParty(config).begin(new Date()))).code).toBe('oidc-unavailable');
  });
});
