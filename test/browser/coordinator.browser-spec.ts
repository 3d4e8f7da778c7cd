import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  launchBrowser,
  repoRoot,
  signIn,
  startTestNetwork,
  waitFor,
  type TestBrowser,
  type TestNetwork,
  type TestPerson,
} from '@bureaunet/testing';

const HOUR = 3_600_000;

/**
 * DK's coordinator runs an operation with MR from the board: the alert goes out, MR's state turns
 * receipted and MR's reply shows, all without a reload.
 */
describe('the coordinator console in a real browser', () => {
  let network: TestNetwork;
  let browser: TestBrowser;
  let coordinator: TestPerson;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'DK', 'MR'], {}, { brokerIsolation: true });
    browser = await launchBrowser();
    coordinator = await network.person('DK', {
      username: 'a.berg',
      displayName: 'Astrid Berg',
      roles: ['coordinator'],
    });
    const created = await fetch(`${network.registry.url}/api/operations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${network.registryTokens.coordinator}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'op-sahel',
        name: 'Sahel',
        coordinator: 'DK',
        participants: ['MR'],
        start: new Date(Date.now() - HOUR).toISOString(),
        end: new Date(Date.now() + HOUR).toISOString(),
      }),
    });
    const { version } = (await created.json()) as { version: number };
    await waitFor(
      async () =>
        ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number }).version >=
        version,
      { what: 'the operation at the gateway' },
    );
    context = await browser.browser.newContext({ viewport: { width: 1180, height: 900 } });
    page = await context.newPage();
    const streaming = page.waitForResponse((response) => response.url().endsWith('/api/events'));
    await signIn(page, `${coordinator.url}/#/operations/board`, coordinator);
    await streaming;
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await network?.teardown();
  });

  it('sends an alert to the participants, shows MR’s receipt and MR’s reply as they arrive', async () => {
    await page.getByLabel('Title').fill('Grey van heading north');
    await page.getByLabel('Details').fill('Plate AB-123-CD, two men');
    await page.getByRole('button', { name: 'Send alert' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    const alertId = /Alert (\S+) sent/.exec((await status.textContent()) ?? '')?.[1];
    expect(alertId).toBeDefined();

    await page.locator(`[data-alert="${alertId}"] [data-recipient=MR][data-state=receipted]`).waitFor();
    await network.api('MR').replyToAlert(alertId!, 'Seen at the Rosso crossing, 14:10');
    await page.getByText('Seen at the Rosso crossing, 14:10').waitFor();
    await page.screenshot({ path: join(repoRoot(), 'docs', 'screenshots', 'coordinator-board.png'), fullPage: true });
  });
});
