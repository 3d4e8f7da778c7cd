import { HUB_CODE } from '@bureaunet/contracts';
import { HttpError, type SentMessageView, type TestNetwork, startTestNetwork, waitFor } from '@bureaunet/testing';
import { describeReliability } from './reliability.e2e-cases';

interface TrackedRequestView {
  id: string;
  from: string;
  kind: string;
  priority: string;
  dueAt: string;
  state: 'open' | 'overdue' | 'answered';
  answerId: string | null;
  escalatedAt: string | null;
}

interface ReviewedDiffusionView {
  id: string;
  from: string;
  reviewState: 'pending' | 'compliant' | 'withdrawn' | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

interface SendAnswer {
  id: string;
  foreseenRefusals: Array<{ recipient: string; allowed: boolean; code?: string; rule?: string }>;
}

const HOUR_MS = 3_600_000;

describe('request deadlines, the hub’s diffusion review, and refusals told to the sender (hub + 2 bureaus)', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'MR', 'DK']);
  });

  afterAll(async () => {
    await network?.teardown();
  });

  const refusalOf = async (sending: Promise<unknown>) => {
    const error = await sending.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (!(error instanceof HttpError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return { status: error.status, body: error.body as { code: string; reason: string } };
  };

  it('gives a request the dueAt of its priority, tracks it open at the recipient, and answered once a reply is sent', async () => {
    const before = Date.now();
    const sent = await network.api('MR').call<SendAnswer>('POST', '/api/messages', {
      kind: 'request',
      to: ['DK'],
      meta: { priority: 'immediate' },
      body: { text: 'Criminal record of the holder of passport X1234567?' },
    });
    expect(sent.foreseenRefusals).toEqual([]);
    const view = await network.api('MR').message<SentMessageView & { meta: { dueAt?: string } }>(sent.id);
    // Immediate: 8 hours (Directive (EU) 2023/977), counted from the send.
    const dueAt = Date.parse(view.meta.dueAt!);
    expect(dueAt).toBeGreaterThanOrEqual(before + 8 * HOUR_MS);
    expect(dueAt).toBeLessThanOrEqual(Date.now() + 8 * HOUR_MS);

    const dk = network.api('DK');
    const open = await waitFor(
      async () =>
        (await dk.call<TrackedRequestView[]>('GET', '/api/requests?state=open')).find((item) => item.id === sent.id),
      { what: 'the request open at DK' },
    );
    expect(open).toMatchObject({ from: 'MR', kind: 'request', priority: 'immediate', state: 'open' });
    expect(open.dueAt).toBe(view.meta.dueAt);
    expect((await dk.inbox()).items.find((item) => item.id === sent.id)?.meta).toMatchObject({
      dueAt: view.meta.dueAt,
    });

    const reply = await dk.send({ kind: 'message', to: ['MR'], meta: { replyTo: sent.id }, body: { text: 'none' } });
    const answered = (await dk.call<TrackedRequestView[]>('GET', '/api/requests?state=answered')).find(
      (item) => item.id === sent.id,
    );
    expect(answered).toMatchObject({ state: 'answered', answerId: reply.id, escalatedAt: null });
    expect(
      (await dk.call<TrackedRequestView[]>('GET', '/api/requests?state=open')).map((item) => item.id),
    ).not.toContain(sent.id);
  });

  it('refuses a dueAt beyond the priority’s bound before anything is sent', async () => {
    const refusal = await refusalOf(
      network.api('MR').call('POST', '/api/messages', {
        kind: 'query',
        to: ['DK'],
        meta: { priority: 'immediate', dueAt: new Date(Date.now() + 9 * HOUR_MS).toISOString() },
        body: { text: 'too late' },
      }),
    );
    expect(refusal).toMatchObject({ status: 400, body: { code: 'due-at-beyond-bound' } });
  });

  it('puts a diffusion sent through POST /api/messages in the hub’s review queue; compliant names the reviewer', async () => {
    const sent = await network.api('MR').call<SendAnswer>('POST', '/api/messages', {
      kind: 'diffusion',
      to: ['DK', HUB_CODE],
      body: { title: 'Stolen passport', details: 'Passport X7654321 reported stolen in Nouakchott' },
    });
    const hub = network.api(HUB_CODE, 'reviewer');
    const pending = await waitFor(
      async () =>
        (await hub.call<ReviewedDiffusionView[]>('GET', '/api/review/diffusions?state=pending')).find(
          (item) => item.id === sent.id,
        ),
      { what: 'the diffusion in the hub’s review queue' },
    );
    expect(pending).toMatchObject({ from: 'MR', reviewState: 'pending', reviewedBy: null });

    const reviewer = await network.person(HUB_CODE, { username: 'r.lambert', roles: ['reviewer'] });
    const signedIn = await fetch(`${network.node(HUB_CODE).url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: reviewer.username, password: reviewer.password }),
    });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const compliant = await fetch(`${network.node(HUB_CODE).url}/api/review/diffusions/${sent.id}/compliant`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(compliant.status).toBe(200);
    expect(await compliant.json()).toMatchObject({
      id: sent.id,
      reviewState: 'compliant',
      reviewedBy: 'person:r.lambert',
      reviewedAt: expect.any(String),
    });
    expect(
      (await hub.call<ReviewedDiffusionView[]>('GET', '/api/review/diffusions?state=compliant')).map((item) => item.id),
    ).toContain(sent.id);
    await expect(refusalOf(hub.call('POST', `/api/review/diffusions/${sent.id}/compliant`))).resolves.toMatchObject({
      status: 409,
      body: { code: 'diffusion-reviewed' },
    });
  });

  it('refuses at once a bureau’s diffusion that leaves out the hub, naming the rule', async () => {
    const refusal = await refusalOf(
      network.api('MR').send({ kind: 'diffusion', to: ['DK'], body: { title: 'No hub', details: 'leaves it out' } }),
    );
    expect(refusal).toMatchObject({
      status: 422,
      body: { code: 'diffusion-includes-hub', rule: 'diffusion-includes-hub' },
    });
  });

  it('refuses at once a bureau’s notice that every recipient would refuse, naming each refusal and rule, and stores nothing', async () => {
    const before = (await network.api('MR').call<{ items: unknown[] }>('GET', '/api/messages?limit=500')).items.length;
    const refusal = await refusalOf(
      network.api('MR').send({
        kind: 'notice',
        to: ['DK'],
        meta: { noticeType: 'red' },
        body: { text: 'a bureau does not publish notices' },
      }),
    );
    expect(refusal).toMatchObject({ status: 422, body: { code: 'send-refused' } });
    expect(refusal.body.reason).toMatch(
      /^every recipient would be refused by the rules in force: DK: policy-denied by rule \S+/,
    );
    expect((await network.api('MR').call<{ items: unknown[] }>('GET', '/api/messages?limit=500')).items).toHaveLength(
      before,
    );
  });

  // Last, on the same network: these stop MR's node and kill the gateway (each started again).
  describeReliability(() => network);
});
