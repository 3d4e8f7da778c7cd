import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  launchBrowser,
  repoRoot,
  signIn,
  startTestNetwork,
  type TestBrowser,
  type TestNetwork,
  type TestPerson,
} from '@bureaunet/testing';

const screenshot = (name: string) => join(repoRoot(), 'docs', 'screenshots', `registry-admin-${name}.png`);

describe('the registry administrator’s console in a real browser', () => {
  let network: TestNetwork;
  let browser: TestBrowser;
  let admin: TestPerson;
  let context: BrowserContext;
  let page: Page;

  // The bound (300 s) is for a hung start of a whole network on a shared 2-core machine, not a timing claim.
  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK']);
    browser = await launchBrowser();
    admin = await network.person('registry', { username: 'r.admin', displayName: 'Rania Admin', roles: ['admin'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await network?.teardown();
  });

  beforeEach(async () => {
    context = await browser.browser.newContext({ viewport: { width: 1180, height: 820 } });
    page = await context.newPage();
    await signIn(page, admin.url, admin);
  });

  afterEach(() => context?.close());

  it('lists the bureaus with their status and enrolment', async () => {
    await page.goto(`${admin.url}/#/bureaus`);
    for (const code of ['MR', 'DK']) await page.locator(`tr[data-bureau=${code}]`).waitFor();
    expect(await page.locator('tr[data-bureau=DK] td').nth(3).textContent()).toBe('active');
    expect(await page.locator('tr[data-bureau=DK] td').nth(5).textContent()).not.toBe('not enrolled');
    await page.screenshot({ path: screenshot('bureaus'), fullPage: true });
  });

  it('shows certificates with expiry and how fresh the revocation list is', async () => {
    await page.goto(`${admin.url}/#/certificates`);
    await page.locator('tr[data-state=current]').first().waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(/^Revocation list: directory version \d+, /);
    await page.screenshot({ path: screenshot('certificates'), fullPage: true });
  });

  it('shows a rule change made by the signed-in person as a new version, and its diff', async () => {
    // The change is made in the page's session (cookie + CSRF token), as the person.
    const status = await page.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const rules = (await (await fetch('/api/rules')).json()) as {
        policies: string;
        limits: { default: { messagesPerMinute: number } };
      };
      const limits = {
        ...rules.limits,
        default: { ...rules.limits.default, messagesPerMinute: rules.limits.default.messagesPerMinute + 7 },
      };
      const policies = `${rules.policies.trimEnd()}\n// reviewed for the exercise\n`;
      const response = await fetch('/api/rules', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ policies, limits }),
      });
      return response.status;
    });
    expect(status).toBe(200);
    await page.goto(`${admin.url}/#/rules`);
    await page.locator('table.versions td', { hasText: 'person:r.admin' }).waitFor();
    await page.getByRole('button', { name: 'Show the differences' }).click();
    await page.locator('[data-op=added]').first().waitFor();
    const added = await page.locator('[data-op=added]').allTextContents();
    expect(added).toContain('+// reviewed for the exercise');
    expect(added.some((line) => line.includes('"messagesPerMinute"'))).toBe(true);
    expect(await page.locator('[data-op=removed]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshot('rules-diff'), fullPage: true });
  });

  it('makes a country group, previews a change of members with what it affects, and saves it', async () => {
    await page.goto(`${admin.url}/#/groups`);
    const created = page.locator('form[data-group=new]');
    await created.locator('input[name=id]').fill('sahel-watch');
    await created.locator('input[name=name]').fill('Sahel watch');
    await created.locator('input[name=members]').fill('mr, dk');
    await created.getByRole('button', { name: 'Preview the change' }).click();
    await created.locator('[data-change=create] [data-added="DK,MR"]').waitFor();
    await created.getByRole('button', { name: 'Save' }).click();
    await page.locator('tr[data-group=sahel-watch]').waitFor();
    expect(await page.locator('tr[data-group=sahel-watch] td').nth(3).textContent()).toBe('DK, MR');

    await page.locator('tr[data-group=sahel-watch]').getByRole('button', { name: 'Edit members' }).click();
    const edited = page.locator('form[data-group=sahel-watch]');
    await edited.locator('input[name=members]').fill('MR');
    await edited.getByRole('button', { name: 'Preview the change' }).click();
    await edited.locator('[data-change=update] [data-removed=DK]').waitFor();
    await page.screenshot({ path: screenshot('groups-preview'), fullPage: true });
    await edited.getByRole('button', { name: 'Save' }).click();
    await page.locator('tr[data-group=sahel-watch] td', { hasText: /^MR$/ }).waitFor();
  });
});
