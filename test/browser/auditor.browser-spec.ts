import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  launchBrowser,
  repoRoot,
  signIn,
  startTestNetwork,
  waitFor,
  type SentMessageView,
  type TestBrowser,
  type TestNetwork,
  type TestPerson,
} from '@bureaunet/testing';

const screenshot = (name: string) => join(repoRoot(), 'docs', 'screenshots', `auditor-${name}.png`);

describe('the auditor’s console at the gateway, verifying in a real browser', () => {
  let network: TestNetwork;
  let browser: TestBrowser;
  let auditor: TestPerson;
  let context: BrowserContext;
  let page: Page;
  let messageId: string;

  // The bound (300 s) is for a hung start of a whole network on a shared 2-core machine, not a timing claim.
  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK']);
    browser = await launchBrowser();
    auditor = await network.person('gateway', {
      username: 'i.auditor',
      displayName: 'Inès Auditor',
      roles: ['auditor'],
    });
    const { id } = await network.api('DK').send({ kind: 'message', to: ['MR'], body: { text: 'for the audit' } });
    messageId = id;
    await waitFor(
      async () =>
        (await network.api('DK').message<SentMessageView>(id)).recipients.every((r) => r.state === 'receipted'),
      { what: `the receipt for ${id}` },
    );
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await network?.teardown();
  });

  beforeEach(async () => {
    context = await browser.browser.newContext({ viewport: { width: 1180, height: 820 } });
    page = await context.newPage();
    await signIn(page, auditor.url, auditor);
  });

  afterEach(() => context?.close());

  async function openTrail(): Promise<{ verified: number; failed: number; entries: number }> {
    await page.goto(`${auditor.url}/#/trail/${messageId}`);
    await page.locator('[data-trail]').waitFor();
    return {
      verified: await page.locator('[data-check=verified]').count(),
      failed: await page.locator('[data-check=failed]').count(),
      entries: await page.locator('[data-leaf]').count(),
    };
  }

  it('opens a message’s trail and shows the head signature and every proof verified', async () => {
    const shown = await openTrail();
    // Acceptance, delivery, receipt, and the receipt's own acceptance and delivery back.
    expect(shown.entries).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-trail]').getAttribute('data-trail')).toBe('verified');
    // The head's signature, and per entry its leaf hash and its inclusion proof.
    expect(shown).toEqual({ verified: 1 + 2 * shown.entries, failed: 0, entries: shown.entries });
    expect(await page.getByRole('status').textContent()).toBe(`Every proof verified (${shown.entries} entries).`);
    await page.screenshot({ path: screenshot('trail-verified'), fullPage: true });

    // The evidence bundle downloads with the session cookie, as a file the auditor keeps.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the evidence bundle' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`evidence-${messageId}.json`);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; message_id: string };
    expect(bundle).toMatchObject({ format: 'bureaunet-evidence-bundle/1', message_id: messageId });
  });

  it('shows the one proof FAILED when the API’s answer is tampered with', async () => {
    let tampered: number | undefined;
    await page.route('**/api/trail/*', async (route) => {
      const response = await route.fetch();
      const trail = (await response.json()) as { entries: Array<{ leaf_index: number; audit_path: string[] }> };
      const victim = trail.entries.find((entry) => entry.audit_path.length > 0)!;
      const hash = victim.audit_path[0];
      victim.audit_path[0] = (hash[0] === 'A' ? 'B' : 'A') + hash.slice(1);
      tampered = victim.leaf_index;
      await route.fulfill({ response, json: trail });
    });
    const shown = await openTrail();
    expect(await page.locator('[data-trail]').getAttribute('data-trail')).toBe('failed');
    expect(shown.failed).toBe(1);
    const failed = page.locator('[data-check=failed]');
    expect(await failed.textContent()).toMatch(
      /^Inclusion proof: FAILED \(inclusion-mismatch: the proof for leaf \d+ leads to root/,
    );
    expect(await page.locator(`[data-leaf="${tampered}"] [data-check=failed]`).count()).toBe(1);
    await page.screenshot({ path: screenshot('trail-tampered'), fullPage: true });
  });

  it('finds the message by party and status, and checks two heads’ consistency in the browser', async () => {
    await page.goto(`${auditor.url}/#/ledger`);
    await page.getByLabel('Bureau (sender or recipient)').fill('DK');
    await page.getByLabel('Status').selectOption('delivered');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const link = page.locator(`table.ledger-results a[href="#/trail/${messageId}"]`);
    await link.first().waitFor();
    await page.screenshot({ path: screenshot('search'), fullPage: true });

    await page.goto(`${auditor.url}/#/tree-heads`);
    await page.locator('select[name=first] option').first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Check consistency' }).click();
    const result = page.getByRole('status');
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      /^Size \d+ extends size \d+: both signatures and the consistency proof verified\.$/,
    );
    await page.screenshot({ path: screenshot('tree-heads'), fullPage: true });
  });
});
