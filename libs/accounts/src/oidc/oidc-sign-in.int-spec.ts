import { get } from 'node:http';
import { OidcTestProvider, type OidcTestUser } from '@bureaunet/testing';
import { AccountsHttpHarness, signedFrom, type HarnessAnswer } from '../testing/accounts-http.harness';

const CLIENT = { clientId: 'bureaunet-mr', clientSecret: 'a-client-secret-for-tests' };

describe('single sign-on (OIDC) over real HTTP, against a local provider', () => {
  let provider: OidcTestProvider;
  let harness: AccountsHttpHarness;
  let now = Date.parse('2026-12-01T08:00:00.000Z');
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    provider = await OidcTestProvider.start(CLIENT);
    harness = await AccountsHttpHarness.start({
      clock,
      oidc: {
        issuer: new URL(provider.issuer),
        clientId: CLIENT.clientId,
        clientSecret: CLIENT.clientSecret,
        usernameClaim: 'preferred_username',
        name: 'MR Police ID',
      },
    });
  });
  afterAll(async () => {
    await harness.close();
    await provider.stop();
  });
  beforeEach(() => (now += 60_000));

  /** Out to the provider and back, following each redirect by hand and carrying the bn_oidc cookie. */
  async function throughProvider(
    user: OidcTestUser,
    options: { tamper?: Record<string, unknown> } = {},
  ): Promise<{ callback: HarnessAnswer }> {
    provider.signInAs(user);
    if (options.tamper) provider.tamperNextIdToken(options.tamper);
    const start = await harness.call('GET', '/api/session/oidc');
    expect(start.status).toBe(302);
    const oidcCookie = start.headers.getSetCookie().find((line) => line.startsWith('bn_oidc='))!;
    expect(oidcCookie).toMatch(/HttpOnly/);
    expect(oidcCookie).toMatch(/SameSite=Lax/);
    expect(oidcCookie).toMatch(/Path=\/api\/session\/oidc/);
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    expect(atProvider.status).toBe(302);
    const back = new URL(atProvider.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(new URL('/api/session/oidc/callback', harness.url).href);
    const cookie = oidcCookie.split(';')[0];
    const callback = await harness.call('GET', `${back.pathname}${back.search}`, { cookie });
    return { callback };
  }

  it('says single sign-on is on, and by which provider', async () => {
    expect(await harness.call('GET', '/api/session/methods')).toMatchObject({
      status: 200,
      body: { password: true, oidc: { name: 'MR Police ID' } },
    });
  });

  it('signs in a person by username on first sign-in, links the subject, and knows them by it after', async () => {
    await harness.person('ana.sso');
    const { callback } = await throughProvider({ sub: 'idp-sub-ana', preferred_username: 'Ana.SSO' });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    const signed = signedFrom(callback);
    expect(signed.cookie).toMatch(/^bn_session=/);
    const session = await harness.call('GET', '/api/session', { signed });
    expect(session).toMatchObject({ status: 200, body: { person: { username: 'ana.sso' } } });
    // The cookie of the exchange is cleared on the way back.
    expect(callback.headers.getSetCookie().some((line) => /^bn_oidc=;.*Max-Age=0/.test(line))).toBe(true);

    // Known by subject from now on, whatever username the provider sends.
    const again = await throughProvider({ sub: 'idp-sub-ana', preferred_username: 'renamed-at-the-provider' });
    expect(again.callback.status).toBe(302);
    expect(await harness.call('GET', '/api/session', { signed: signedFrom(again.callback) })).toMatchObject({
      body: { person: { username: 'ana.sso' } },
    });
  });

  it('refuses a subject nobody here matches: 403 oidc-unknown-person, no account made', async () => {
    const { callback } = await throughProvider({ sub: 'idp-sub-stranger', preferred_username: 'stranger' });
    expect(callback).toMatchObject({ status: 403, body: { code: 'oidc-unknown-person' } });
    expect(callback.headers.getSetCookie().some((line) => line.startsWith('bn_session='))).toBe(false);
    const people = (await harness.admin('GET', '/api/people')).body as Array<{ username: string }>;
    expect(people.map((p) => p.username)).not.toContain('stranger');
  });

  it('does not hand a person already linked to one subject to another subject claiming their username', async () => {
    await harness.person('ben.sso');
    expect((await throughProvider({ sub: 'idp-sub-ben', preferred_username: 'ben.sso' })).callback.status).toBe(302);
    const { callback } = await throughProvider({ sub: 'idp-sub-impostor', preferred_username: 'ben.sso' });
    expect(callback).toMatchObject({ status: 403, body: { code: 'oidc-unknown-person' } });
  });

  it('refuses an ID token with the wrong nonce', async () => {
    await harness.person('cy.sso');
    const { callback } = await throughProvider(
      { sub: 'idp-sub-cy', preferred_username: 'cy.sso' },
      { tamper: { nonce: 'not-the-nonce' } },
    );
    expect(callback).toMatchObject({ status: 401, body: { code: 'oidc-sign-in-failed' } });
  });

  /** A sign-in started and approved at the provider, not yet come back: the callback path and the bn_oidc cookie. */
  async function approved(user: OidcTestUser): Promise<{ callback: URL; cookie: string }> {
    provider.signInAs(user);
    const start = await harness.call('GET', '/api/session/oidc');
    const back = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const cookie = start.headers
      .getSetCookie()
      .find((line) => line.startsWith('bn_oidc='))!
      .split(';')[0];
    return { callback: new URL(back.headers.get('location')!), cookie };
  }

  it('refuses a callback with a wrong state, without the browser cookie, or replayed', async () => {
    await harness.person('dee.sso');
    const user = { sub: 'idp-sub-dee', preferred_username: 'dee.sso' };
    const first = await approved(user);
    first.callback.searchParams.set('state', 'forged-state');
    expect(
      await harness.call('GET', first.callback.pathname + first.callback.search, { cookie: first.cookie }),
    ).toMatchObject({
      status: 401,
      body: { code: 'oidc-state-invalid' },
    });

    const second = await approved(user);
    expect(await harness.call('GET', second.callback.pathname + second.callback.search)).toMatchObject({
      status: 401,
      body: { code: 'oidc-state-invalid' },
    });

    const third = await approved(user);
    const path = third.callback.pathname + third.callback.search;
    expect((await harness.call('GET', path, { cookie: third.cookie })).status).toBe(302);
    expect(await harness.call('GET', path, { cookie: third.cookie })).toMatchObject({
      status: 401,
      body: { code: 'oidc-state-invalid' },
    });
  });

  it('refuses a disabled person', async () => {
    const { id } = await harness.person('eve.sso');
    expect((await harness.admin('PATCH', `/api/people/${id}`, { disabled: true })).status).toBe(200);
    const { callback } = await throughProvider({ sub: 'idp-sub-eve', preferred_username: 'eve.sso' });
    expect(callback).toMatchObject({ status: 403, body: { code: 'account-disabled' } });
  });

  it('sends a browser that navigated back to the sign-in page with the refusal’s code', async () => {
    const { callback, cookie } = await approved({ sub: 'idp-sub-nobody', preferred_username: 'nobody-here' });
    // node:http, not fetch: fetch sets Sec-Fetch-Mode itself ("cors"), as a page's script would.
    const answer = await new Promise<{ status?: number; location?: string }>((resolve, reject) =>
      get(
        new URL(callback.pathname + callback.search, harness.url),
        { headers: { cookie, 'sec-fetch-mode': 'navigate' } },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode, location: response.headers.location });
        },
      ).on('error', reject),
    );
    expect(answer).toEqual({ status: 302, location: '/#/sign-in/sso-failed/oidc-unknown-person' });
  });
});

describe('single sign-on when no provider is configured', () => {
  let harness: AccountsHttpHarness;

  beforeAll(async () => {
    harness = await AccountsHttpHarness.start({ clock: { now: () => new Date() }, oidc: null });
  });
  afterAll(() => harness.close());

  it('offers the password only, and answers 404 oidc-off', async () => {
    expect((await harness.call('GET', '/api/session/methods')).body).toEqual({ password: true });
    expect(await harness.call('GET', '/api/session/oidc')).toMatchObject({ status: 404, body: { code: 'oidc-off' } });
  });
});
