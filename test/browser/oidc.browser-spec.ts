import type { BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  launchBrowser,
  OidcTestProvider,
  startTestNetwork,
  type TestBrowser,
  type TestNetwork,
  type TestPerson,
} from '@bureaunet/testing';

const CLIENT = { clientId: 'bureaunet', clientSecret: 'a-client-secret-for-browser-tests' };

/** A session for the person, by password, as a script would open one (cookie and CSRF token). */
async function apiSession(person: TestPerson): Promise<{ cookie: string; csrf: string }> {
  const answer = await fetch(`${person.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: person.username, password: person.password }),
  });
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  return { cookie: (answer.headers.get('set-cookie') ?? '').split(';')[0], csrf: csrfToken };
}

/** The code an authenticator app holding this base32 secret shows, `offsetSteps` steps from now. */
function appCode(secret: string, offsetSteps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetSteps * 30_000 });
}

describe('single sign-on and the second factor in a real browser', () => {
  let provider: OidcTestProvider;
  let network: TestNetwork;
  let browser: TestBrowser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    provider = await OidcTestProvider.start(CLIENT);
    network = await startTestNetwork([HUB_CODE, 'MR'], {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.clientId,
      OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      OIDC_NAME: 'MR Police ID',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await network?.teardown();
    await provider?.stop();
  });

  beforeEach(async () => {
    context = await browser.browser.newContext();
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  it('clicks "Sign in with <provider>" on the sign-in page and lands signed in', async () => {
    const person = await network.person('MR', { username: 's.okafor', displayName: 'Sade Okafor', roles: ['officer'] });
    provider.signInAs({ sub: 'idp-subject-okafor', preferred_username: 's.okafor' });
    await page.goto(person.url);
    await page.getByRole('link', { name: 'Sign in with MR Police ID' }).click();
    await page.locator('.shell .person').waitFor();
    expect(await page.locator('.shell .person').textContent()).toBe('Sade Okafor');
    const [cookie] = (await context.cookies(person.url)).filter((c) => c.name === 'bn_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
  });

  it('shows the refusal on the sign-in page when nobody here matches the provider’s person', async () => {
    provider.signInAs({ sub: 'idp-subject-stranger', preferred_username: 'stranger' });
    await page.goto(network.node('MR').url);
    await page.getByRole('link', { name: 'Sign in with MR Police ID' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('nobody here matches you');
    expect(await page.locator('.shell').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('#/');
  });

  it('asks a person who enrolled TOTP for the code after the password, and signs them in with it', async () => {
    const person = await network.person('MR', { username: 'k.mensah', displayName: 'Kofi Mensah', roles: ['officer'] });
    const { cookie, csrf } = await apiSession(person);
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const started = await fetch(`${person.url}/api/me/totp`, { method: 'POST', headers });
    const { secret } = (await started.json()) as { secret: string };
    const confirmed = await fetch(`${person.url}/api/me/totp/confirm`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code: appCode(secret) }),
    });
    expect(confirmed.status).toBe(200);

    await page.goto(person.url);
    await page.locator('input[name=username]').fill(person.username);
    await page.locator('input[name=password]').fill(person.password);
    await page.locator('form button[type=submit]').click();
    const code = page.locator('input[name=totp]');
    await code.waitFor();
    // The app's next code: the current one was spent confirming the enrolment.
    await code.fill(appCode(secret, 1));
    await page.locator('form button[type=submit]').click();
    await page.locator('.shell .person').waitFor();
    expect(await page.locator('.shell .person').textContent()).toBe('Kofi Mensah');
  });
});
