import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  DANISH_PASSPORT_MRZ,
  DANISH_PASSPORT_NUMBER,
  danishTravelDocument,
  launchBrowser,
  repoRoot,
  signIn,
  startTestNetwork,
  waitFor,
  type TestBrowser,
  type TestNetwork,
  type TestPerson,
} from '@bureaunet/testing';
import { describeCoordinatorConsole } from './coordinator.browser-cases';
import { describeReviewerConsole } from './review.browser-cases';

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(repoRoot(), 'docs', 'screenshots', `border-${name}.png`), fullPage: true });

/** Resolves once the node streams live events to the page (its subscription is made by then). */
const eventStreamOpened = (page: Page) => page.waitForResponse((response) => response.url().endsWith('/api/events'));

/**
 * A border officer at Rosso ferry (MR) checks a stolen Danish passport through the console, on a
 * broker-isolated network: the answer is a hit, logged under the person and the post; the hit waits
 * for Denmark's answer with a countdown, and Denmark's confirmation shows without a reload.
 *
 * One network (hub, DK, MR, broker isolation) and one chromium for these cases and those of the
 * reviewer's and the coordinator's consoles, each in browser contexts of its own.
 */
describe('hub, DK and MR with broker isolation, in a real browser', () => {
  let network: TestNetwork;
  let browser: TestBrowser;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'DK', 'MR'], {}, { brokerIsolation: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await network?.teardown();
  });

  describe('the border console in a real browser', () => {
    let officer: TestPerson;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      officer = await network.person('MR', {
        username: 'm.sow',
        displayName: 'Moussa Sow',
        roles: ['border-officer'],
        borderPost: 'Rosso ferry',
      });
      await network.api('DK').reportTravelDocuments([danishTravelDocument(DANISH_PASSPORT_NUMBER)]);
      await waitFor(
        async () => {
          const replica = await network.api('MR', 'border-officer').replicaStatus();
          return replica.resync === 'done' && replica.pending === 0 && replica.entries > 0 ? replica : undefined;
        },
        { what: "the stolen passport in MR's replica" },
      );
      context = await browser.browser.newContext({ viewport: { width: 820, height: 1180 } });
      page = await context.newPage();
      await signIn(page, officer.url, officer);
    });

    afterAll(async () => {
      await context?.close();
    });

    it('checks a passport by its MRZ: a hit, the owner notified, logged under the person and the post', async () => {
      await page.getByRole('link', { name: 'Document check' }).click();
      await page.getByLabel('MRZ', { exact: true }).check();
      await page.getByLabel('Machine-readable zone (2 or 3 lines)').fill(DANISH_PASSPORT_MRZ.join('\n'));
      await page.getByRole('button', { name: 'Check' }).click();

      const answer = page.getByRole('region', { name: 'Answer' });
      await answer.locator('[data-outcome=hit]').waitFor();
      expect(await answer.locator('.outcome').textContent()).toBe('HIT');
      const text = await answer.textContent();
      expect(text).toContain('DK');
      expect(text).toContain('stolen');
      expect(text).toContain('The owner has been notified');
      expect(text).toMatch(/Replica current as of \d{4}-\d{2}-\d{2} /);
      await screenshot(page, 'document-hit');

      const [logged] = (await network.api('MR', 'officer').checks({ limit: 1 })).items;
      expect(logged).toMatchObject({ actor: 'person:m.sow', place: 'Rosso ferry', outcome: 'hit' });
    });

    it('follows the hit with the owner’s countdown; Denmark’s confirmation arrives without a reload', async () => {
      const streaming = eventStreamOpened(page);
      await page.getByRole('link', { name: 'My hits' }).click();
      await streaming;
      const card = page.locator('.hit-card').first();
      await card.locator('[data-state=awaiting]').waitFor();
      expect(await card.getByRole('timer').textContent()).toMatch(/^\d+:\d{2}(:\d{2})? left$/);
      expect(await card.textContent()).toContain('Rosso ferry');
      await screenshot(page, 'hit-awaiting');

      const dk = network.api('DK');
      const received = await waitFor(
        async () => (await dk.hits({ direction: 'received' })).items.find((item) => item.place === 'Rosso ferry'),
        { what: 'the hit at DK' },
      );
      await dk.answerHit(received.id, { answer: 'confirmed', status: 'stolen', note: 'Seize it' });

      await card.locator('[data-state=answered]').waitFor();
      expect(await card.locator('.hit-state').textContent()).toBe('Confirmed by the owner (stolen) — Seize it');
      await screenshot(page, 'hit-confirmed');
    });

    it('gives a border officer no reviewer or officer page, and the API refuses them', async () => {
      expect(await page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Notices' }).count()).toBe(0);
      const status = await page.evaluate(async () => (await fetch('/api/notices')).status);
      expect(status).toBe(403);
    });
  });

  describeReviewerConsole(
    () => network,
    () => browser,
  );
  describeCoordinatorConsole(
    () => network,
    () => browser,
  );
});
