import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { HUB_CODE } from '@bureaunet/contracts';
import {
  launchBrowser,
  type ReceivedMessageView,
  repoRoot,
  signIn,
  startTestNetwork,
  type TestBrowser,
  type TestNetwork,
  type TestPerson,
  waitFor,
} from '@bureaunet/testing';

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(repoRoot(), 'docs', 'screenshots', `officer-${name}.png`), fullPage: true });

/** A mark on the window that a reload would wipe: still there means the page changed without one. */
const markNoReload = (page: Page) => page.evaluate('window.__sameDocument = true');
const stillSameDocument = (page: Page) => page.evaluate('window.__sameDocument === true');

/** The preview's answer for one recipient, or the page's alert if the preview failed (so a failure says why). */
async function previewAnswer(page: Page, recipient: string): Promise<{ allowed: string | null; text: string | null }> {
  const answer = page.locator(`.rules-preview li[data-recipient=${recipient}], [role=alert]`).first();
  await answer.waitFor();
  return { allowed: await answer.getAttribute('data-allowed'), text: await answer.textContent() };
}

describe('the officer console in a real browser, on a real network with broker isolation', () => {
  let network: TestNetwork;
  let browser: TestBrowser;
  const people: Record<string, TestPerson> = {};
  const contexts: BrowserContext[] = [];

  async function openAs(person: TestPerson, path = '/'): Promise<Page> {
    const context = await browser.browser.newContext({ viewport: { width: 1024, height: 768 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, person.url, person);
    if (path !== '/') await page.goto(`${person.url}/#${path}`);
    return page;
  }

  async function compose(page: Page, fields: { kind: string; recipients: string; title: string; details: string }) {
    await page.goto(`${new URL(page.url()).origin}/#/compose`);
    await page.locator('select[name=kind]').selectOption(fields.kind);
    await page.locator('input[name=recipients]').fill(fields.recipients);
    await page.locator('input[name=title]').fill(fields.title);
    await page.locator('textarea[name=details]').fill(fields.details);
    await page.getByRole('button', { name: 'Check the access rules' }).click();
  }

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK', 'FR'], {}, { brokerIsolation: true });
    browser = await launchBrowser();
    // DK declares it takes no diffusions from MR: the access rules refuse by that rule's name.
    const declared = await fetch(`${network.registry.url}/api/rules/declarations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${network.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ declarer: 'DK', counterpart: 'MR', type: 'refuses-diffusions-from' }),
    });
    expect(declared.status).toBe(201);
    people.mr = await network.person('MR', { username: 'm.ould', displayName: 'Mariem Ould', roles: ['officer'] });
    people.fr = await network.person('FR', { username: 'c.martin', displayName: 'Claire Martin', roles: ['officer'] });
    people.ar = await network.person('MR', {
      username: 'a.salem',
      displayName: 'أحمد سالم',
      roles: ['officer'],
      locale: 'ar',
    });
    people.border = await network.person('MR', {
      username: 'b.post',
      displayName: 'Border Post Rosso',
      roles: ['border-officer'],
      borderPost: 'Rosso',
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await network?.teardown();
  });

  it('composes a diffusion, sees the rules allow it, and sees it receipted live; it arrives unread in the other inbox live', async () => {
    const fr = await openAs(people.fr, '/inbox');
    await fr.locator('table.inbox, .officer p').first().waitFor();
    await markNoReload(fr);

    const mr = await openAs(people.mr);
    await compose(mr, {
      kind: 'diffusion',
      recipients: 'FR',
      title: 'Stolen lorry, Volvo FH16',
      details: 'Seen near Rosso on 2026-11-30; plate MR-4471-AB.',
    });
    expect(await previewAnswer(mr, 'FR')).toEqual({ allowed: 'true', text: expect.any(String) });
    await mr.getByRole('button', { name: 'Send' }).click();
    await mr.locator('.message-view[data-direction=sent]').waitFor();
    await markNoReload(mr);
    // Delivered first, then FR's signed receipt: both pushed, no reload.
    await mr.locator('tr[data-recipient=FR][data-state=receipted]').waitFor();
    expect(await stillSameDocument(mr)).toBe(true);
    expect(await mr.locator('tr[data-recipient=FR]').textContent()).toContain('Receipted');
    await screenshot(mr, 'diffusion-receipted');

    const id = new URL(mr.url()).hash.split('/').pop()!;
    const row = fr.locator(`table.inbox tr[data-id="${id}"]`);
    await row.waitFor();
    expect(await stillSameDocument(fr)).toBe(true);
    expect(await row.getAttribute('class')).toBe('unread');
    await screenshot(fr, 'inbox-live');
    await row.getByRole('link').click();
    await fr.locator('.message-view .verified').waitFor();
    expect(await fr.locator('.message-view .verified').textContent()).toContain('MR');
    await fr.goBack();
    await fr.locator(`table.inbox tr[data-id="${id}"]:not(.unread)`).waitFor();
  });

  it('catches up, once its live stream connects, on a request that arrived while it could not connect, and shows when it is due', async () => {
    // The console reads the inbox, but its event stream cannot connect: nothing can be pushed to it.
    const context = await browser.browser.newContext({ viewport: { width: 1024, height: 768 } });
    contexts.push(context);
    await context.route('**/api/events', (route) => route.abort());
    const fr = await context.newPage();
    await signIn(fr, people.fr.url, people.fr);
    await fr.goto(`${people.fr.url}/#/inbox`);
    await fr.locator('table.inbox, .officer p').first().waitFor();
    await markNoReload(fr);

    const { id } = await network.api('MR').send({
      kind: 'request',
      to: ['FR'],
      meta: { priority: 'urgent' },
      body: { text: 'sent while offline: who holds the lorry?' },
    });
    await waitFor(async () => (await network.api('FR').inbox(200)).items.some((item) => item.id === id), {
      what: 'the message in FR’s inbox',
    });
    expect(await fr.locator(`table.inbox tr[data-id="${id}"]`).count()).toBe(0);

    // EventSource reconnects by itself; the page reads again when it does, no reload.
    await context.unroute('**/api/events');
    const row = fr.locator(`table.inbox tr[data-id="${id}"]`);
    await row.waitFor();
    expect(await stillSameDocument(fr)).toBe(true);
    // An urgent request is due 8 hours after it was sent: the inbox says when, not yet overdue.
    const due = row.locator('td.due');
    expect(await due.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await due.getAttribute('data-overdue')).toBeNull();
  });

  it('shows the rule that refuses a send before sending, and the refusal (never success) once the gateway decides', async () => {
    const mr = await openAs(people.mr);
    await compose(mr, {
      kind: 'diffusion',
      recipients: 'DK, FR',
      title: 'Wanted: forged passports',
      details: 'A network forging passports crosses at Rosso.',
    });
    const refused = mr.locator('.rules-preview li[data-recipient=DK][data-allowed=false]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('refuses-diffusions-from');
    expect(await previewAnswer(mr, 'FR')).toEqual({ allowed: 'true', text: expect.any(String) });
    await screenshot(mr, 'preview-refused');

    await mr.getByRole('button', { name: 'Send' }).click();
    const dk = mr.locator('tr[data-recipient=DK][data-state=refused]');
    await dk.waitFor();
    expect(await dk.textContent()).toContain('Refused by rule refuses-diffusions-from');
    expect(await dk.locator('.refused').count()).toBe(1);
    await mr.locator('tr[data-recipient=FR][data-state=receipted]').waitFor();
    await screenshot(mr, 'refused');
  });

  it('lays the Arabic interface out right to left: dir=rtl, and the navigation mirrored on screen', async () => {
    const page = await openAs(people.ar, '/inbox');
    await page.locator('.officer h1').waitFor();
    expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
    expect(await page.locator('.officer h1').textContent()).toBe('صندوق الوارد');
    const links = page.locator('header nav a');
    const first = (await links.first().boundingBox())!;
    const last = (await links.last().boundingBox())!;
    // The first entry (Inbox) sits at the right, the next ones to its left.
    expect(first.x).toBeGreaterThan(last.x);
    const header = (await page.locator('.shell > header').boundingBox())!;
    const appName = (await page.locator('.shell > header strong').boundingBox())!;
    expect(appName.x + appName.width).toBeGreaterThan(header.x + header.width / 2);
    expect(await page.evaluate("getComputedStyle(document.querySelector('.officer-heading h1')).direction")).toBe(
      'rtl',
    );
    await screenshot(page, 'arabic-rtl');
  });

  it('gives a person without the officer role no compose button, and the API answers 403', async () => {
    const page = await openAs(people.border);
    await page.locator('.shell').waitFor();
    expect(await page.locator('header nav a', { hasText: 'Compose' }).count()).toBe(0);
    expect(await page.locator('header nav a', { hasText: 'Inbox' }).count()).toBe(0);
    await page.goto(`${people.border.url}/#/compose`);
    await page.getByRole('alert').waitFor();
    expect(await page.locator('form[aria-label=Compose]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send' }).count()).toBe(0);
    const answer = await page.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ kind: 'message', to: ['FR'], body: { text: 'not mine to send' } }),
      });
      return { status: response.status, body: (await response.json()) as { code: string } };
    });
    expect(answer).toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
    await screenshot(page, 'no-officer-role');
  });

  it('replies to and forwards a received message: the reply names it, the forward quotes it, each previewed then receipted', async () => {
    const mr = await openAs(people.mr);
    await mr.goto(`${people.mr.url}/#/compose`);
    await mr.locator('input[name=recipients]').fill('FR');
    await mr.locator('input[name=subject]').fill('Convoy at Rosso');
    await mr.locator('textarea[name=text]').fill('Three lorries crossing tonight.');
    await mr.getByRole('button', { name: 'Check the access rules' }).click();
    await mr.getByRole('button', { name: 'Send' }).click();
    await mr.locator('tr[data-recipient=FR][data-state=receipted]').waitFor();
    const original = new URL(mr.url()).hash.split('/').pop()!;

    const fr = await openAs(people.fr, `/messages/${original}`);
    await fr.getByRole('link', { name: 'Reply' }).click();
    // The draft is filled once the original has loaded.
    await waitFor(async () => (await fr.locator('input[name=recipients]').inputValue()) === 'MR', {
      what: 'the reply addressed to the sender',
    });
    expect(await fr.locator('input[name=subject]').inputValue()).toBe('Re: Convoy at Rosso');
    await fr.locator('textarea[name=text]').fill('Seen, we alert our border.');
    await fr.getByRole('button', { name: 'Check the access rules' }).click();
    expect(await previewAnswer(fr, 'MR')).toEqual({ allowed: 'true', text: expect.any(String) });
    await fr.getByRole('button', { name: 'Send' }).click();
    await fr.locator('tr[data-recipient=MR][data-state=receipted]').waitFor();
    const reply = new URL(fr.url()).hash.split('/').pop()!;

    await mr.goto(`${people.mr.url}/#/messages/${reply}`);
    await mr.locator('.message-view[data-direction=received]').waitFor();
    expect(await mr.locator('.message-view .facts').textContent()).toContain(original);

    await fr.goto(`${people.fr.url}/#/messages/${original}`);
    await fr.getByRole('link', { name: 'Forward' }).click();
    // The compose page loads the original before it can forward it: fill in only once it has.
    await waitFor(async () => (await fr.locator('input[name=subject]').inputValue()).startsWith('Fwd:'), {
      what: 'the forward drafted from the loaded original',
    });
    await fr.locator('input[name=recipients]').fill('XH');
    await fr.locator('textarea[name=text]').fill('For your information.');
    await fr.getByRole('button', { name: 'Check the access rules' }).click();
    expect(await previewAnswer(fr, 'XH')).toEqual({ allowed: 'true', text: expect.any(String) });
    await screenshot(fr, 'forward-preview');
    await fr.getByRole('button', { name: 'Send' }).click();
    await fr.locator('tr[data-recipient=XH][data-state=receipted]').waitFor();
    const forward = new URL(fr.url()).hash.split('/').pop()!;
    const atHub = await network.api(HUB_CODE).message<ReceivedMessageView>(forward);
    expect(atHub.meta.forwardOf).toBe(original);
    expect((atHub.body as { forwarded?: unknown }).forwarded).toMatchObject({
      id: original,
      from: 'MR',
      body: { subject: 'Convoy at Rosso' },
    });
  });

  it('sends an H3 message with the owner’s limits, shows its meaning to the recipient, keeps it on a forward, and lets the owner grant a consent asked for', async () => {
    /** A consent request's state as a node's API shows it (each step is awaited there before a page shows it). */
    const consentState = (code: string, direction: string, messageId: string, state: string) =>
      waitFor(
        async () =>
          (
            await network
              .api(code)
              .call<{ items: Array<{ messageId: string; state: string }> }>(
                'GET',
                `/api/consent-requests?direction=${direction}`,
              )
          ).items.find((item) => item.messageId === messageId && item.state === state),
        { what: `a ${state} ${direction} consent request about ${messageId} at ${code}` },
      );

    const mr = await openAs(people.mr);
    await mr.goto(`${people.mr.url}/#/compose`);
    await mr.locator('input[name=recipients]').fill('FR');
    await mr.locator('input[name=subject]').fill('Informant report');
    await mr.locator('textarea[name=text]').fill('The informant places the forger in Nouadhibou until Friday.');
    await mr.locator('select[name=handling]').selectOption('H3');
    await mr.locator('textarea[name=handlingConditions]').fill('Protect the informant: no court use');
    await mr.locator('input[name=handlingAllowTo]').fill('XH');
    await mr.getByRole('button', { name: 'Check the access rules' }).click();
    expect(await previewAnswer(mr, 'FR')).toEqual({ allowed: 'true', text: expect.any(String) });
    await screenshot(mr, 'handling-compose');
    await mr.getByRole('button', { name: 'Send' }).click();
    await mr.locator('.message-view[data-direction=sent]').waitFor();
    const original = new URL(mr.url()).hash.split('/').pop()!;
    await waitFor(
      () =>
        network
          .api('FR')
          .message(original)
          .catch(() => undefined),
      {
        what: `${original} received at FR`,
      },
    );

    const fr = await openAs(people.fr, `/messages/${original}`);
    const badge = fr.locator('.message-view .handling[data-handling=H3]');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Protect the informant: no court use');
    expect(await badge.textContent()).toContain('XH');
    await fr.locator('form[aria-label="Ask the owner"] input[name=bureaus]').fill('DK');
    await fr.locator('form[aria-label="Ask the owner"] textarea[name=note]').fill('DK holds the forger’s file');
    await fr.getByRole('button', { name: 'Send the request' }).click();
    await fr.locator('.consents li[data-consent-state=pending]').waitFor();
    await screenshot(fr, 'handling-h3-received');

    await fr.getByRole('link', { name: 'Forward' }).click();
    await waitFor(async () => (await fr.locator('select[name=handling]').inputValue()) === 'H3', {
      what: 'the forward keeping the original’s H3',
    });
    expect(await fr.locator('textarea[name=handlingConditions]').inputValue()).toBe(
      'Protect the informant: no court use',
    );
    expect(await fr.locator('#handling-hint').textContent()).toContain('H3');

    await consentState('MR', 'incoming', original, 'pending');
    await mr.goto(`${people.mr.url}/#/consent`);
    const incoming = mr.locator('section[data-direction=incoming] li[data-consent-state=pending]');
    await incoming.waitFor();
    expect(await incoming.textContent()).toContain('DK holds the forger’s file');
    await screenshot(mr, 'consent-incoming');
    await incoming.getByRole('button', { name: 'Grant' }).click();
    await mr.locator('section[data-direction=incoming] li[data-consent-state=granted]').waitFor();

    await consentState('FR', 'outgoing', original, 'granted');
    await fr.goto(`${people.fr.url}/#/messages/${original}`);
    const granted = fr.locator('.consents li[data-consent-state=granted]');
    await granted.waitFor();
    expect(await granted.textContent()).toContain('Consent to share with DK until');
    await screenshot(fr, 'consent-granted');
  });
});
