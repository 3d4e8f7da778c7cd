import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import { repoRoot, signIn, waitFor, type TestBrowser, type TestNetwork, type TestPerson } from '@bureaunet/testing';

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(repoRoot(), 'docs', 'screenshots', `reviewer-${name}.png`), fullPage: true });

/** Resolves once the node streams live events to the page (its subscription is made by then). */
const eventStreamOpened = (page: Page) => page.waitForResponse((response) => response.url().endsWith('/api/events'));

const OKAFOR = { type: 'red', familyName: 'Okafor', givenNames: 'Chidi', dateOfBirth: '1981-04-12' } as const;

/**
 * The hub's reviewer works in the console while MR's officers send requests through the API: a
 * request arrives in the queue live, is shown beside the notice it may duplicate and approved, and
 * DK's officer sees the notice appear on a page that never reloads. Then a refusal with a reason, a
 * diffusion withdrawn after the fact and a notice cancelled, each reaching the bureaus. Run by the
 * border console's spec on its network (hub, DK, MR, broker isolation) and browser, in contexts of
 * its own; it finds what it looks for by the ids it made.
 */
export function describeReviewerConsole(networkOf: () => TestNetwork, browserOf: () => TestBrowser): void {
  describe('the reviewer console in a real browser', () => {
    let network: TestNetwork;
    let browser: TestBrowser;
    let reviewer: TestPerson;
    let officer: TestPerson;
    const contexts: BrowserContext[] = [];
    let hub: Page;
    let dk: Page;
    let first: string;

    const mr = () => network.api('MR');
    const queued = (id: string) =>
      waitFor(async () => (await network.api(HUB_CODE, 'reviewer').reviewQueue()).some((item) => item.id === id), {
        what: `request ${id} in the hub's queue`,
      });
    const open = async (person: TestPerson, path: string): Promise<Page> => {
      const context = await browser.browser.newContext({ viewport: { width: 1180, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      const streaming = eventStreamOpened(page);
      await signIn(page, `${person.url}/#${path}`, person);
      await streaming;
      return page;
    };

    beforeAll(async () => {
      network = networkOf();
      browser = browserOf();
      reviewer = await network.person(HUB_CODE, { username: 'r.ng', displayName: 'Rosa Ng', roles: ['reviewer'] });
      officer = await network.person('DK', { username: 'l.hansen', displayName: 'Lars Hansen', roles: ['officer'] });
      // A notice about the same person is already out: the next request may duplicate it.
      const request = await mr().requestNotice({ ...OKAFOR, offence: 'armed robbery', expiry: '2030-12-31' });
      await queued(request.id);
      first = (await network.api(HUB_CODE, 'reviewer').approveNotice(request.id)).number!;
      await waitFor(() => network.api('DK').notice(first), { what: `notice ${first} at DK` });
      hub = await open(reviewer, '/review');
      dk = await open(officer, '/notices');
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
    });

    it('approves a request shown beside its possible duplicate; DK’s officer sees the notice without a reload', async () => {
      await dk.evaluate(() => Object.assign(globalThis, { neverReloaded: true }));
      const request = await mr().requestNotice({
        ...OKAFOR,
        familyName: 'OKAFOR',
        offence: 'armed robbery, Lagos',
        expiry: '2031-06-30',
      });
      const row = hub.locator(`[data-request="${request.id}"]`);
      await row.waitFor();
      await screenshot(hub, 'queue');
      await row.getByRole('link').click();
      const duplicate = hub.locator(`[data-duplicate="${first}"]`);
      await duplicate.waitFor();
      expect(await duplicate.textContent()).toContain('dob:exact');
      await screenshot(hub, 'request-duplicates');

      await hub.getByRole('button', { name: 'Approve' }).click();
      await hub.getByRole('heading', { name: 'Review queue' }).waitFor();
      const number = await waitFor(
        async () =>
          (await network.api(HUB_CODE, 'reviewer').noticeRequests()).find((item) => item.id === request.id)
            ?.noticeNumber ?? undefined,
        { what: 'the approved notice number' },
      );

      await dk.locator(`[data-notice="${number}"]`).waitFor();
      expect(await dk.evaluate(() => (globalThis as { neverReloaded?: boolean }).neverReloaded)).toBe(true);
      expect(await dk.locator(`[data-notice="${number}"]`).textContent()).toContain('OKAFOR, Chidi');
      // A bureau's officer may read notices, not cancel them: no button, and the API says so.
      expect(await dk.getByRole('button', { name: 'Cancel notice' }).count()).toBe(0);
      const refused = await dk.evaluate(async (at) => {
        const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
        const response = await fetch(`/api/notices/${encodeURIComponent(at)}/cancel`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ reason: 'not mine to cancel' }),
        });
        return response.status;
      }, number);
      expect(refused).toBe(403);
      await screenshot(dk, 'notice-arrived-at-dk');
    });

    it('refuses a request with a reason the requester receives', async () => {
      const request = await mr().requestNotice({
        type: 'blue',
        familyName: 'Nakamura',
        offence: 'whereabouts',
        expiry: '2030-12-31',
      });
      const row = hub.locator(`[data-request="${request.id}"]`);
      await row.waitFor();
      await row.getByRole('link').click();
      await hub.getByRole('button', { name: 'Refuse' }).click();
      await hub.getByLabel('Reason (sent with the decision)').fill('No legal basis stated');
      await hub.getByRole('button', { name: 'Refuse' }).click();
      await hub.getByRole('heading', { name: 'Review queue' }).waitFor();
      const refused = await waitFor(
        async () => (await mr().noticeRequests()).find((item) => item.id === request.id && item.state === 'refused'),
        { what: 'the refusal at MR' },
      );
      expect(refused.reason).toBe('No legal basis stated');
    });

    it('withdraws a diffusion awaiting the after-the-fact check, and cancels a notice', async () => {
      const streaming = eventStreamOpened(hub);
      await hub.getByRole('link', { name: 'Diffusions to check' }).click();
      await streaming;
      const sent = await mr().diffuse({ to: ['DK'], title: 'Stolen lorry', details: 'White Volvo, plate AB 12 345' });
      const card = hub.locator(`[data-diffusion="${sent.id}"]`);
      await card.waitFor();
      await screenshot(hub, 'diffusions');
      await card.getByRole('button', { name: 'Withdraw' }).click();
      await card.getByLabel('Reason (sent with the decision)').fill('Not a police matter');
      await card.getByRole('button', { name: 'Withdraw' }).click();
      await card.waitFor({ state: 'detached' });
      await waitFor(async () => (await network.api('DK').diffusions('withdrawn')).some((item) => item.id === sent.id), {
        what: 'the withdrawal at DK',
      });

      // Another one, found compliant: it leaves the queue, and the decision names the reviewer.
      const other = await mr().diffuse({ to: ['DK'], title: 'Forged visas', details: 'A batch seen at Rosso' });
      const pending = hub.locator(`[data-diffusion="${other.id}"]`);
      await pending.getByRole('button', { name: 'Compliant' }).click();
      await pending.waitFor({ state: 'detached' });
      await hub.getByLabel('State').selectOption('compliant');
      const compliant = hub.locator(`[data-diffusion="${other.id}"][data-review=compliant]`);
      await compliant.waitFor();
      expect(await compliant.textContent()).toContain('Decided by person:r.ng');
      await screenshot(hub, 'diffusion-compliant');

      await hub.getByRole('link', { name: 'Notices' }).click();
      const notice = hub.locator(`[data-notice="${first}"]`);
      await notice.getByRole('button', { name: 'Cancel notice' }).click();
      await notice.getByLabel('Reason (sent with the decision)').fill('Arrested in Lagos');
      await notice.getByRole('button', { name: 'Cancel notice' }).click();
      await hub.locator(`[data-notice="${first}"][data-state=cancelled]`).waitFor();
      await dk.locator(`[data-notice="${first}"][data-state=cancelled]`).waitFor();
    });

    it('lists the requests received, due first, with their priority', async () => {
      const streaming = eventStreamOpened(hub);
      await hub.getByRole('link', { name: 'Requests due' }).click();
      await streaming;
      await hub.getByLabel('Show').selectOption('open');
      const sent = await mr().call<{ id: string }>('POST', '/api/messages', {
        kind: 'request',
        to: [HUB_CODE],
        meta: { priority: 'urgent' },
        body: { text: 'Is notice ' + first + ' still valid?' },
      });
      const row = hub.locator(`tr[data-id="${sent.id}"][data-state=open]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Urgent');
      await screenshot(hub, 'requests-due');
    });
  });
}
