import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  launchBrowser,
  signIn,
  startTestNetwork,
  type TestBrowser,
  type TestNetwork,
  type TestPerson,
} from '@bureaunet/testing';

describe('signing in to a node’s console in a real browser', () => {
  let network: TestNetwork;
  let browser: TestBrowser;
  let person: TestPerson;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR']);
    browser = await launchBrowser();
    person = await network.person('MR', { username: 'a.diallo', displayName: 'Aminata Diallo', roles: ['officer'] });
  });

  afterAll(async () => {
    await browser?.close();
    await network?.teardown();
  });

  beforeEach(async () => {
    context = await browser.browser.newContext();
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  it('signs in through the page, shows the person in the shell, keeps the cookie secure, and signs out', async () => {
    await signIn(page, person.url, person);
    expect(await page.locator('.shell .person').textContent()).toBe('Aminata Diallo');
    // Chromium keeps a Secure cookie from http://127.0.0.1: loopback counts as a secure context.
    const [cookie] = (await context.cookies(person.url)).filter((c) => c.name === 'bn_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate('document.cookie')).toBe('');

    await page.reload();
    await page.locator('.shell .person').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name=username]').waitFor();
    expect((await context.cookies(person.url)).filter((c) => c.name === 'bn_session')).toEqual([]);
    await page.reload();
    await page.locator('input[name=username]').waitFor();
  });

  it('shows why a wrong password was refused, and stays on the sign-in page', async () => {
    await page.goto(person.url);
    await page.locator('input[name=username]').fill(person.username);
    await page.locator('input[name=password]').fill('not the password at all');
    await page.locator('form button[type=submit]').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Sign-in failed: wrong username or password');
    expect(await page.locator('.shell').count()).toBe(0);
  });

  it('signs in once by a one-time link opened in the page, and refuses the link the second time', async () => {
    const admin = {
      authorization: `Bearer ${network.nodeTokens.get('MR')!.admin}`,
      'content-type': 'application/json',
    };
    const made = (await (
      await fetch(`${person.url}/api/people`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ username: 'b.link', displayName: 'Binta Link', roles: ['officer'] }),
      })
    ).json()) as { id: string };
    const { url } = (await (
      await fetch(`${person.url}/api/people/${made.id}/sign-in-link`, { method: 'POST', headers: admin })
    ).json()) as { url: string };
    expect(url.startsWith(`${person.url}/#/sign-in/link/`)).toBe(true);

    await page.goto(url);
    await page.locator('.shell .person').waitFor();
    expect(await page.locator('.shell .person').textContent()).toBe('Binta Link');
    expect(new URL(page.url()).hash).not.toContain('sign-in/link');

    const again = await browser.browser.newContext();
    const second = await again.newPage();
    await second.goto(url);
    const alert = second.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('unknown, used or expired');
    await again.close();
  });
  it("lets the bureau's administrator search a person's attributed actions and export them with a purpose", async () => {
    // The officer's console reads the inbox as it opens: a consultation attributed to them.
    await signIn(page, person.url, person);
    await page.locator('.shell main h1').waitFor();
    const admin = await network.person('MR', { username: 'k.admin', displayName: 'Kadiata Admin', roles: ['admin'] });
    const adminContext = await browser.browser.newContext({ acceptDownloads: true });
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.url, admin);
    await adminPage.goto(`${admin.url}/#/activity`);
    await adminPage.locator('input[name=person]').fill(person.username);
    await adminPage.getByRole('button', { name: 'Search', exact: true }).click();
    const officerRow = adminPage.locator('tr', { hasText: 'person:a.diallo' }).filter({ hasText: 'inbox.list' });
    await officerRow.first().waitFor();
    // The unfiltered first page shows these rows too: wait for the search's answer to replace it.
    const others = adminPage.locator('tbody tr', { hasNotText: 'person:a.diallo' });
    await others.first().waitFor({ state: 'detached' });
    expect(await others.count()).toBe(0);

    await adminPage.locator('input[name=purpose]').fill('review of access by a.diallo');
    const download = adminPage.waitForEvent('download');
    await adminPage.getByRole('button', { name: 'Export', exact: true }).click();
    const saved = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const exported = readFileSync(saved, 'utf8').trim().split('\n');
    expect(exported.length).toBeGreaterThan(0);
    for (const line of exported) expect(line).toContain('person:a.diallo');

    // The export is itself in the log, with the purpose the administrator gave.
    await adminPage.locator('input[name=person]').fill(admin.username);
    await adminPage.locator('input[name=action]').fill('activity.export');
    await adminPage.getByRole('button', { name: 'Search', exact: true }).click();
    await adminPage
      .locator('tr', { hasText: 'activity.export' })
      .filter({ hasText: 'review of access by a.diallo' })
      .first()
      .waitFor();
    await adminPage.screenshot({ path: 'docs/screenshots/activity-export-logged.png', fullPage: true });
    await adminContext.close();
  });
});
