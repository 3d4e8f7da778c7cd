import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot, signIn, waitFor, type TestBrowser, type TestNetwork, type TestPerson } from '@bureaunet/testing';

const HOUR = 3_600_000;

/**
 * DK's coordinator runs an operation with MR from the board: creates it, the alert goes out, MR's
 * state turns receipted and MR's reply shows, all without a reload; then ends it early, sees the
 * next alert refused at once with the rule named, and downloads the after-action report. Run by the
 * border console's spec on its network (hub, DK, MR, broker isolation) and browser, in a context of
 * its own; the operation it starts it also ends.
 */
export function describeCoordinatorConsole(networkOf: () => TestNetwork, browserOf: () => TestBrowser): void {
  describe('the coordinator console in a real browser', () => {
    let network: TestNetwork;
    let browser: TestBrowser;
    let coordinator: TestPerson;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      network = networkOf();
      browser = browserOf();
      coordinator = await network.person('DK', {
        username: 'a.berg',
        displayName: 'Astrid Berg',
        roles: ['coordinator'],
      });
      // The datetime-local fields are read in the browser's zone: UTC, as the test writes them.
      context = await browser.browser.newContext({ viewport: { width: 1180, height: 900 }, timezoneId: 'UTC' });
      page = await context.newPage();
      await signIn(page, `${coordinator.url}/#/operations/board`, coordinator);
    });

    afterAll(async () => {
      await context?.close();
    });

    /** A datetime-local value in UTC (the context's zone), to the minute. */
    const local = (at: number) => new Date(at).toISOString().slice(0, 16);
    const alertForm = () => page.getByRole('form', { name: 'New alert to the participants' });

    it('creates an operation with MR, bound to DK by DK’s node', async () => {
      const form = page.getByRole('form', { name: 'New operation coordinated by this bureau' });
      await form.getByLabel('Name', { exact: true }).fill('Sahel');
      await form.getByLabel('Participants (bureau codes, separated by commas)').fill('mr');
      await form.getByLabel('Start', { exact: true }).fill(local(Date.now() - 2 * 60_000));
      await form.getByLabel('End', { exact: true }).fill(local(Date.now() + HOUR));
      // The chosen operation's board listens for receipts and replies once it shows.
      const streaming = page.waitForResponse((response) => response.url().endsWith('/api/events'));
      await form.getByRole('button', { name: 'Create the operation' }).click();
      const created = form.getByRole('status');
      await created.waitFor();
      const version = Number(/rules version (\d+)/.exec((await created.textContent()) ?? '')?.[1]);
      await waitFor(
        async () =>
          ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number }).version >=
          version,
        { what: 'the operation at the gateway' },
      );
      expect(await page.getByRole('combobox', { name: 'Operation' }).textContent()).toContain('Sahel (Running)');
      await streaming;
    });

    it('sends an alert to the participants, shows MR’s receipt and MR’s reply as they arrive', async () => {
      await alertForm().getByLabel('Title').fill('Grey van heading north');
      await alertForm().getByLabel('Details').fill('Plate AB-123-CD, two men');
      await alertForm().getByRole('button', { name: 'Send alert' }).click();
      const status = alertForm().getByRole('status');
      await status.waitFor();
      const alertId = /Alert (\S+) sent/.exec((await status.textContent()) ?? '')?.[1];
      expect(alertId).toBeDefined();

      await page.locator(`[data-alert="${alertId}"] [data-recipient=MR][data-state=receipted]`).waitFor();
      await network.api('MR').replyToAlert(alertId!, 'Seen at the Rosso crossing, 14:10');
      await page.getByText('Seen at the Rosso crossing, 14:10').waitFor();
      await page.screenshot({ path: join(repoRoot(), 'docs', 'screenshots', 'coordinator-board.png'), fullPage: true });
    });

    it('ends the operation early: the next alert is refused at once naming the rule, and the report downloads', async () => {
      const change = page.getByRole('region', { name: 'Change the operation' });
      await change.getByLabel('Reason').fill('Suspects arrested at Rosso');
      await change.getByRole('button', { name: 'End now' }).click();
      await page.locator('[data-ended]').waitFor();

      await alertForm().getByLabel('Title').fill('Too late');
      await alertForm().getByLabel('Details').fill('After the end');
      await alertForm().getByRole('button', { name: 'Send alert' }).click();
      const refused = alertForm().getByRole('alert');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('rule operation-alert-while-running');

      const report = page.getByRole('form', { name: 'After-action report' });
      await report.getByLabel('Purpose of the export').fill('after-action review');
      const download = page.waitForEvent('download');
      await report.getByRole('button', { name: 'Download the report' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^operation-.+-report\.json$/);
      const saved = JSON.parse(await readFile(await file.path(), 'utf8')) as {
        changes: Array<{ change: string }>;
        alertsSent: unknown[];
        repliesReceived: unknown[];
        outcomes: Array<{ kind: string; reason?: string }>;
      };
      expect(saved.changes.map((item) => item.change)).toEqual(['created', 'ended']);
      expect(saved.alertsSent).toHaveLength(1);
      expect(saved.repliesReceived).toHaveLength(1);
      expect(saved.outcomes).toEqual([
        expect.objectContaining({ kind: 'ended-early', reason: 'Suspects arrested at Rosso' }),
      ]);
    });
  });
}
