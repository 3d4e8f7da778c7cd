import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  PeopleApiClient,
  TestBrowser,
  TestNetwork,
  TestPerson,
  launchBrowser,
  repoRoot,
  signIn,
  startTestNetwork,
} from '@bureaunet/testing';

const SCREENSHOTS = join(repoRoot(), 'docs', 'screenshots');

// A whole network starts in about a minute here; on a loaded 2-core machine it can take longer.
const NETWORK_START_MS = 300_000;

/**
 * The people area in a real Chromium against a real network (one network, several checks): a
 * bureau administrator makes a person and a one-time sign-in link; the person opens it, sets a
 * password, switches the console to Arabic (right to left), creates an API token and revokes it —
 * and the revoked token is refused by the API at once.
 */
describe('people console (browser)', () => {
  let network: TestNetwork;
  let browser: TestBrowser;
  let admin: TestPerson;
  let adminContext: BrowserContext;
  let adminPage: Page;
  let linkUrl: string;

  const newContext = () =>
    browser.browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1024, height: 900 } });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    network = await startTestNetwork([HUB_CODE, 'MR'], {}, { tls: true });
    admin = await network.person('MR', { username: 'mr.admin', roles: ['admin'], displayName: 'Mariem Admin' });
    browser = await launchBrowser();
    adminContext = await newContext();
    adminPage = await adminContext.newPage();
  }, NETWORK_START_MS);

  afterAll(async () => {
    await browser?.close();
    await network?.teardown();
  });

  it('a bureau administrator creates an officer and a one-time sign-in link', async () => {
    await signIn(adminPage, admin.url, admin);
    await adminPage.goto(`${admin.url}/#/people`);
    const form = adminPage.locator('form.person-form').last();
    await form.locator('input[name=username]').fill('ana.lima');
    await form.locator('input[name=displayName]').fill('Ana Lima');
    await form.locator('input[name=roles][value=officer]').check();
    await form.locator('input[name=roles][value=border-officer]').check();
    await form.locator('input[name=borderPost]').fill('Rosso');
    await form.locator('button[type=submit]').click();

    const row = adminPage.locator('tr[data-username="ana.lima"]');
    await row.waitFor();
    await expectText(row, /Officer, Border officer\s*Rosso\s*active/);
    await row.getByRole('button', { name: 'Sign-in link' }).click();
    linkUrl = (await adminPage.getByTestId('sign-in-link').textContent()) ?? '';
    expect(linkUrl).toMatch(new RegExp(`^${escape(admin.url)}/#/sign-in/link/[A-Za-z0-9_-]+$`));
    await adminPage.screenshot({ path: join(SCREENSHOTS, 'people-admin.png'), fullPage: true });
  });

  it('the new person opens the link, sets a password and switches to Arabic: the page is right to left', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(linkUrl);
    await page.locator('.shell').waitFor();
    await page.goto(`${admin.url}/#/me`);
    await page.locator('input[name=newPassword]').fill('a long enough passphrase');
    await page.locator('input[name=repeatPassword]').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();

    await page.locator('select[name=locale]').selectOption('ar');
    await page.locator('section[aria-labelledby=preferences-title] button[type=submit]').click();
    await page.locator('html[dir=rtl][lang=ar]').waitFor();
    await expectText(page.locator('h1'), /حسابي/);
    await expectText(page.locator('.shell > header nav'), /الأشخاص|حسابي/);
    await page.screenshot({ path: join(SCREENSHOTS, 'people-my-account-ar.png'), fullPage: true });

    // The password set here signs in from now on (and the link is spent).
    const session = await new PeopleApiClient(admin.url, { ca: network.ca }).signIn({
      username: 'ana.lima',
      password: 'a long enough passphrase',
    });
    expect(session.person).toMatchObject({ locale: 'ar', roles: ['officer', 'border-officer'], borderPost: 'Rosso' });
    await expect(new PeopleApiClient(admin.url, { ca: network.ca }).signInWithLink(linkUrl)).rejects.toMatchObject({
      status: 401,
    });

    await tokenCreatedAndRevoked(page);
  });

  /** Creates a token in the (Arabic) console, uses it, revokes it: the API refuses it at once. */
  async function tokenCreatedAndRevoked(page: Page): Promise<void> {
    const tokens = page.locator('section[aria-labelledby=tokens-title]');
    await tokens.locator('input[name=tokenName]').fill('laptop script');
    await tokens.locator('form.inline-form button[type=submit]').click();
    const token = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(token).toMatch(/^bnp_[A-Za-z0-9_-]+$/);
    const api = new PeopleApiClient(admin.url, { ca: network.ca });
    expect(await api.tokens({ bearer: token })).toEqual([expect.objectContaining({ name: 'laptop script' })]);
    await page.screenshot({ path: join(SCREENSHOTS, 'people-token-created-ar.png'), fullPage: true });

    await tokens.locator('tr', { hasText: 'laptop script' }).locator('button').click();
    await tokens.locator('tr', { hasText: 'laptop script' }).waitFor({ state: 'detached' });
    await expect(api.tokens({ bearer: token })).rejects.toMatchObject({ status: 401 });
  }

  it('the administrator sees the person signed in, disables, re-enables and edits them', async () => {
    await adminPage.reload();
    const row = adminPage.locator('tr[data-username="ana.lima"]');
    await expectText(row, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/); // last sign-in, ISO
    await row.getByRole('button', { name: 'Disable' }).click();
    await expectText(row, /disabled/);
    const api = new PeopleApiClient(admin.url, { ca: network.ca });
    await expect(api.signIn({ username: 'ana.lima', password: 'a long enough passphrase' })).rejects.toMatchObject({
      status: 403,
    });
    await row.getByRole('button', { name: 'Enable' }).click();
    await expectText(row, /active/);

    // No longer a border officer: the border post goes with the role.
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = adminPage.locator('section[aria-labelledby=edit-title] form');
    await edit.locator('input[name=displayName]').fill('Ana Lima Souza');
    await edit.locator('input[name=roles][value=border-officer]').uncheck();
    await edit.locator('button[type=submit]').click();
    await expectText(row, /Ana Lima Souza/);
    expect(await row.locator('td').nth(0).textContent()).toBe('Officer');
    expect(await row.locator('td').nth(1).textContent()).toBe('');
  });

  it('an officer gets no People page and a 403 from the people API', async () => {
    const officer = await network.person('MR', { username: 'mr.officer', roles: ['officer'] });
    const page = await (await newContext()).newPage();
    await signIn(page, officer.url, officer);
    await expectText(page.locator('.shell > header nav'), /My account/);
    expect(await page.locator('.shell > header nav a[href="#/people"]').count()).toBe(0);
    await page.goto(`${officer.url}/#/people`);
    await page.getByRole('alert').waitFor();
    const session = await new PeopleApiClient(officer.url, { ca: network.ca }).signIn({
      username: officer.username,
      password: officer.password,
    });
    await expect(new PeopleApiClient(officer.url, { ca: network.ca }).people({ session })).rejects.toMatchObject({
      status: 403,
    });
  });
});

/** Waits until the element's text matches (the page updates after its API call answers). */
async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
