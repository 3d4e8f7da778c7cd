import { HUB_CODE } from '@bureaunet/contracts';
import {
  HttpError,
  NodeRole,
  NoticeView,
  ReceivedMessageView,
  SentMessageView,
  TestNetwork,
  startTestNetwork,
  waitFor,
} from '@bureaunet/testing';

type Json = Record<string, unknown>;
const HOUR = 3_600_000;
const RED = {
  type: 'red',
  familyName: 'Müller',
  givenNames: 'Jörg Étienne',
  dateOfBirth: '1979-03-14',
  nationality: 'DE',
  documentNumbers: ['C01X00T47'],
  offence: 'armed robbery',
  expiry: '2030-12-31',
};

describe('workflows: notices, diffusions and operation alerts, end to end', () => {
  let network: TestNetwork;
  const api = (code: string, role?: NodeRole) => network.api(code, role);

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'DK', 'MR', 'FR', 'IT']);
  });

  afterAll(async () => {
    await network?.teardown();
  });

  async function registry(
    method: string,
    path: string,
    body: unknown,
    token: string,
  ): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${network.registry.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  const heldNotice = (code: string, number: string) =>
    api(code)
      .notice(number)
      .catch((error: unknown) => {
        if (error instanceof HttpError && error.status === 404) return undefined;
        throw error;
      });

  async function noticeAt(
    code: string,
    number: string,
    probe: (notice: NoticeView) => boolean = () => true,
  ): Promise<NoticeView> {
    return waitFor(
      async () => {
        const notice = await heldNotice(code, number);
        return notice && probe(notice) ? notice : undefined;
      },
      { what: `notice ${number} at ${code}` },
    );
  }

  async function reviewItem(requester: string, action: 'publish' | 'cancel') {
    return waitFor(
      async () =>
        (await api(HUB_CODE, 'reviewer').reviewQueue()).find(
          (item) => item.requester === requester && item.action === action,
        ),
      { what: `a ${action} request from ${requester} in the hub's review queue` },
    );
  }

  /** Waits for the gateway's report to decide every recipient of a message sent from `code`. */
  async function decided(code: string, id: string): Promise<SentMessageView> {
    return waitFor(
      async () => {
        const view = await api(code).message<SentMessageView>(id);
        return view.status !== 'pending' && view.recipients.every((recipient) => recipient.state !== 'pending')
          ? view
          : undefined;
      },
      { what: `the report on ${id} from ${code}` },
    );
  }

  it('runs the notice lifecycle: request, review, publication minus the restricted, update, owner cancellation everywhere', async () => {
    const { id: requestId } = await api('DK').requestNotice({ ...RED, restrictedTo: ['IT'] });
    const queued = await reviewItem('DK', 'publish');
    expect(queued).toMatchObject({ id: requestId, direction: 'received', state: 'pending', restrictedTo: ['IT'] });

    const { number, id: publicationId } = await api(HUB_CODE, 'reviewer').approveNotice(requestId);
    expect(number).toMatch(/^A-\d+\/\d{4}$/);
    await expect(api(HUB_CODE, 'reviewer').approveNotice(requestId)).rejects.toMatchObject({ status: 409 });

    for (const code of ['DK', 'MR', 'FR']) {
      expect(await noticeAt(code, number!)).toMatchObject({
        number,
        type: 'red',
        owner: 'DK',
        state: 'active',
        revision: 1,
        subject: { familyName: 'Müller', documentNumbers: ['C01X00T47'] },
      });
    }
    const requests = await waitFor(
      async () => (await api('DK').noticeRequests()).find((item) => item.id === requestId && item.state === 'approved'),
      { what: 'DK sees its request approved' },
    );
    expect(requests.noticeNumber).toBe(number);

    // Search: accents, case, word prefixes, date of birth, document number.
    expect((await api('MR').searchNotices({ name: 'MULLER jo' })).map((notice) => notice.number)).toEqual([number]);
    expect(
      (await api('MR').searchNotices({ name: 'etien', type: 'red', state: 'active' })).map((notice) => notice.number),
    ).toEqual([number]);
    expect(await api('MR').searchNotices({ name: 'mueller' })).toEqual([]);
    expect((await api('MR').searchNotices({ dateOfBirth: '1979-03-14' })).map((notice) => notice.number)).toEqual([
      number,
    ]);
    expect((await api('MR').searchNotices({ document: 'c01x-00t47' })).map((notice) => notice.number)).toEqual([
      number,
    ]);
    await expect(api('MR').searchNotices({ type: 'pink' })).rejects.toMatchObject({ status: 400 });

    // The restricted country never receives it: the hub did not even address it.
    const publication = await decided(HUB_CODE, publicationId);
    expect(publication.recipients.map((recipient) => recipient.code).sort()).toEqual(['DK', 'FR', 'MR']);

    await api(HUB_CODE, 'reviewer').updateNotice(number!, { expiry: '2031-06-30' });
    expect(await noticeAt('FR', number!, (notice) => notice.revision === 2)).toMatchObject({
      expiry: '2031-06-30',
      state: 'active',
    });

    // Only the owner (or the hub) cancels: MR may not, DK asks the hub, the hub executes.
    await expect(api('MR', 'reviewer').cancelNotice(number!, 'not mine')).rejects.toMatchObject({ status: 403 });
    await api('DK', 'reviewer').cancelNotice(number!, 'suspect arrested');
    const cancelRequest = await reviewItem('DK', 'cancel');
    await api(HUB_CODE, 'reviewer').approveNotice(cancelRequest.id);
    for (const code of [HUB_CODE, 'DK', 'MR', 'FR']) {
      expect(await noticeAt(code, number!, (notice) => notice.state === 'cancelled')).toMatchObject({
        cancelReason: 'suspect arrested',
      });
    }
    expect((await api('MR').searchNotices({ name: 'muller', state: 'active' })).length).toBe(0);
    expect(
      (await api('MR').searchNotices({ name: 'muller', state: 'cancelled' })).map((notice) => notice.number),
    ).toEqual([number]);

    // Everyone else got publication, update and cancellation: IT got none of them.
    expect(await heldNotice('IT', number!)).toBeUndefined();
    expect((await api('IT').inbox()).items.filter((item) => item.kind.startsWith('notice'))).toEqual([]);
  });

  it('sends a refusal with its reason back to the requester', async () => {
    const { id } = await api('MR').requestNotice({
      type: 'yellow',
      familyName: 'Lindqvist',
      offence: 'missing since 2026-11-01',
      expiry: '2027-11-01',
    });
    await reviewItem('MR', 'publish');
    await api(HUB_CODE, 'reviewer').refuseNotice(id, 'no evidence of a disappearance abroad');
    const refused = await waitFor(
      async () => (await api('MR').noticeRequests()).find((item) => item.id === id && item.state === 'refused'),
      { what: 'MR sees its request refused' },
    );
    expect(refused.reason).toBe('no evidence of a disappearance abroad');
    expect(await api(HUB_CODE, 'reviewer').reviewQueue()).toEqual([]);
  });

  it('answers bad requests with 400 naming the field, and steps by the wrong party with 403', async () => {
    await expect(api('DK').requestNotice({ type: 'red', offence: 'x', expiry: '2030-01-01' })).rejects.toMatchObject({
      status: 400,
      body: { reason: expect.stringContaining('subject.familyName') },
    });
    await expect(api('DK').requestNotice({ ...RED, expiry: 'tomorrow' })).rejects.toMatchObject({
      status: 400,
      body: { reason: expect.stringContaining('expiry') },
    });
    await expect(api(HUB_CODE).requestNotice(RED)).rejects.toMatchObject({ status: 403 });
    await expect(api('DK', 'reviewer').reviewQueue()).rejects.toMatchObject({ status: 403 });
  });

  it('gives a bureau offline during publication the notice and then its cancellation, in order', async () => {
    await api('IT').inbox(); // IT is up; FR goes down
    await network.node('FR').stop();
    const { id } = await api('MR').requestNotice({
      type: 'blue',
      familyName: 'Rossi',
      givenNames: 'Anna',
      offence: 'information on whereabouts',
      expiry: '2029-01-01',
    });
    await reviewItem('MR', 'publish');
    const { number } = await api(HUB_CODE, 'reviewer').approveNotice(id);
    await noticeAt('DK', number!);
    await api(HUB_CODE, 'reviewer').cancelNotice(number!, 'withdrawn by the hub');
    await noticeAt('DK', number!, (notice) => notice.state === 'cancelled');

    await network.node('FR').restart();
    const atFr = await noticeAt('FR', number!, (notice) => notice.state === 'cancelled');
    expect(atFr).toMatchObject({ cancelReason: 'withdrawn by the hub', type: 'blue' });
    const kinds = (await api('FR').inbox()).items
      .filter((item) => (item.body as { number?: string } | null)?.number === number)
      .reverse()
      .map((item) => item.kind);
    expect(kinds).toEqual(['notice', 'notice-cancel']);
  });

  it('takes a diffusion withdrawn by the hub off every recipient’s active list', async () => {
    const { id } = await api('DK').diffuse({
      to: ['MR', 'FR'],
      title: 'Stolen passport',
      details: 'Passport X1234567 stolen in Copenhagen',
      documentNumbers: ['X1234567'],
      priority: 'urgent',
    });
    for (const code of [HUB_CODE, 'MR', 'FR']) {
      await waitFor(async () => (await api(code).diffusions()).some((item) => item.id === id), {
        what: `the diffusion active at ${code}`,
      });
    }
    expect((await api('DK').diffusions()).find((item) => item.id === id)).toMatchObject({
      direction: 'sent',
      recipients: ['MR', 'FR', HUB_CODE],
    });
    await expect(api('MR', 'reviewer').withdrawDiffusion(id, 'not mine')).rejects.toMatchObject({ status: 403 });

    await api(HUB_CODE, 'reviewer').withdrawDiffusion(id, 'personal data without a legal basis');
    for (const code of ['MR', 'FR', 'DK']) {
      await waitFor(async () => (await api(code).diffusions('withdrawn')).some((item) => item.id === id), {
        what: `the diffusion withdrawn at ${code}`,
      });
      expect((await api(code).diffusions()).some((item) => item.id === id)).toBe(false);
    }
    expect((await api(HUB_CODE).diffusions()).some((item) => item.id === id)).toBe(false);
  });

  it('sends operation alerts to participants only, takes replies back, and is refused after the end', async () => {
    const admin = network.adminToken;
    const start = new Date(Date.now() - HOUR).toISOString();
    const running = await registry(
      'POST',
      '/api/operations',
      {
        id: 'op-trident',
        name: 'Trident',
        coordinator: 'DK',
        participants: ['MR', 'FR', 'IT'],
        start,
        end: new Date(Date.now() + HOUR).toISOString(),
      },
      admin,
    );
    expect(running.status).toBe(201);
    const created = await registry(
      'POST',
      '/api/operations',
      {
        id: 'op-ended',
        name: 'Ended',
        coordinator: 'DK',
        participants: ['MR'],
        start: new Date(Date.now() - 2 * HOUR).toISOString(),
        end: new Date(Date.now() + HOUR).toISOString(),
      },
      admin,
    );
    expect(created.status).toBe(201);
    const ended = await registry('POST', '/api/operations/op-ended/end', { reason: 'over' }, admin);
    expect(ended.status).toBe(200);
    await waitFor(
      async () =>
        ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number }).version >=
        (ended.body.version as number),
      { what: 'the operations at the gateway' },
    );

    expect(await api('MR').operations()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'op-trident', role: 'participant', phase: 'running' })]),
    );
    await expect(api('MR', 'coordinator').alert('op-trident', { title: 'x', details: 'y' })).rejects.toMatchObject({
      status: 403,
    });

    const alert = await api('DK', 'coordinator').alert('op-trident', {
      title: 'Grey van heading north',
      details: 'Plate AB-123-CD',
      priority: 'immediate',
    });
    expect(alert.to).toEqual(['MR', 'FR', 'IT']);
    const report = await decided('DK', alert.id);
    expect(report.recipients.every((recipient) => recipient.state !== 'refused')).toBe(true);
    for (const code of ['MR', 'FR', 'IT']) {
      await waitFor(async () => (await api(code).alerts('op-trident')).some((item) => item.id === alert.id), {
        what: `the alert at ${code}`,
      });
    }
    expect(await api(HUB_CODE).alerts('op-trident')).toEqual([]);

    await api('MR').replyToAlert(alert.id, 'Border post 12 alerted');
    const replies = await waitFor(
      async () => {
        const list = await api('DK').replies('op-trident');
        return list.length > 0 ? list : undefined;
      },
      { what: 'MR’s reply at DK' },
    );
    expect(replies[0]).toMatchObject({
      from: 'MR',
      body: { workflow: 'operation-reply', alertId: alert.id, text: 'Border post 12 alerted' },
    });
    const replyView = await api('DK').message<ReceivedMessageView>(replies[0].id);
    expect(replyView.meta).toEqual({ replyTo: alert.id });

    // After the end the node refuses the alert at once, naming the gateway's rule.
    await expect(
      api('DK', 'coordinator').alert('op-ended', { title: 'too late', details: 'after the end' }),
    ).rejects.toMatchObject({
      status: 422,
      body: { code: 'operation-not-running', rule: 'operation-alert-while-running' },
    });
    expect(await api('DK').sentAlerts('op-ended')).toEqual([]);
  });
});
