import { startTestNetwork, waitFor, type TestNetwork } from '@bureaunet/testing';
import { RogueBureau } from '@bureaunet/testing/rogue-bureau';

interface HealthBody {
  status: string;
  details: Record<string, { status: string } & Record<string, unknown>>;
}

/** The JSON log lines one service printed (the harness prefixes each with `[name] `). */
function jsonLines(network: TestNetwork, service: string): Array<Record<string, unknown>> {
  const prefix = `[${service}] `;
  return network
    .output()
    .split('\n')
    .filter((line) => line.startsWith(`${prefix}{`))
    .map((line) => JSON.parse(line.slice(prefix.length)) as Record<string, unknown>);
}

let network: TestNetwork;

beforeAll(async () => {
  // info, to see the decision lines; HTTP request lines stay at debug. Broker isolation: each node
  // may publish only on its own subjects, the operation subjects included.
  network = await startTestNetwork(['MR', 'DK', 'FR'], { LOG_LEVEL: 'info' }, { brokerIsolation: true });
});

afterAll(async () => {
  await network?.teardown();
});

describe('operating a network: readiness and structured logs', () => {
  async function ready(url: string): Promise<HealthBody> {
    return waitFor(
      async () => {
        const response = await fetch(`${url}/api/health/ready`);
        return response.status === 200 ? ((await response.json()) as HealthBody) : undefined;
      },
      { what: `${url} ready` },
    );
  }

  it('has every service live and ready, each reporting its own indicators', async () => {
    for (const service of [network.registry, network.gateway, network.node('MR')])
      expect((await fetch(`${service.url}/api/health/live`)).status).toBe(200);

    expect(Object.keys((await ready(network.registry.url)).details).sort()).toEqual([
      'broker',
      'certificates',
      'database',
    ]);
    const gateway = await ready(network.gateway.url);
    expect(Object.keys(gateway.details).sort()).toEqual([
      'broker',
      'certificates',
      'consumers',
      'database',
      'directory',
      'rules',
      'witnesses',
    ]);
    expect(gateway.details['consumers']).toMatchObject({
      status: 'up',
      BN_SUBMISSIONS: { messages: expect.any(Number) },
      'BN_REGISTRY_EVENTS/gateway-ledger': { pending: expect.any(Number) },
    });
    const node = await ready(network.node('MR').url);
    expect(node.details).toMatchObject({
      broker: { status: 'up' },
      database: { status: 'up' },
      directory: { status: 'up' },
      certificates: { status: 'up' },
      consumers: { status: 'up', 'BN_DELIVERIES/node-MR': { pending: expect.any(Number) } },
    });
  });

  it('logs one JSON line per submission decision, naming the envelope id and no content', async () => {
    const secret = 'the body never reaches a log';
    const { id } = await network.api('DK').send({ kind: 'message', to: ['MR'], body: { text: secret } });
    await waitFor(async () => (await network.api('MR').inbox()).items.some((item) => item.id === id), {
      what: 'delivery to MR',
    });
    const decision = await waitFor(
      () =>
        jsonLines(network, 'gateway').find(
          (line) => line['event'] === 'submission-decision' && line['envelopeId'] === id,
        ),
      { what: 'the decision line' },
    );
    expect(decision).toMatchObject({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'gateway',
      context: 'SubmissionService',
      decision: 'accepted',
      sender: 'DK',
      kind: 'message',
      deliveredTo: ['MR'],
      refusedFor: [],
    });
    expect(network.output()).not.toContain(secret);
    // HTTP request lines are debug: none at info.
    expect(network.output()).not.toContain('request completed');
  });
});

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

interface OperationView {
  id: string;
  name: string;
  coordinator: string;
  participants: string[];
  start: string;
  end: string;
  role: string;
  phase: string;
}

describe('operations that change: a coordinator bound to its own bureau', () => {
  const HOUR = 3_600_000;
  const ID = 'op-north';

  /** A call to a node's API with that node's token for a role. */
  async function call<T = Record<string, unknown>>(
    code: string,
    role: 'coordinator' | 'officer',
    method: string,
    path: string,
    options: { body?: unknown; purpose?: string } = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${network.node(code).url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${network.nodeTokens.get(code)![role]}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.purpose ? { 'x-purpose': options.purpose } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  }

  type Changed = { operation: OperationView; version: number };

  /** Waits until the gateway decides on a rules version at least this one. */
  async function gatewayHas(version: number): Promise<void> {
    await waitFor(
      async () =>
        ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number }).version >=
        version,
      { what: `rules version ${version} at the gateway` },
    );
  }

  /** The gateway's refusal of an alert DK signs and publishes itself, past its node's checks. */
  async function refusalOfAlertPastTheNode(to: string): Promise<Record<string, unknown>> {
    const rogue = await RogueBureau.posingWith(network, 'DK');
    try {
      const sealed = await rogue.seal({
        kind: 'operation-alert',
        to: [to],
        meta: { operationId: ID },
        body: { title: 'past the node', details: 'signed by DK' },
      });
      await rogue.submit(sealed.serialized);
      return await waitFor(
        async () => (await rogue.trail(sealed.payload.id)).find((entry) => entry.type === 'recipient-refused'),
        { what: 'the gateway’s refusal of the alert' },
      );
    } finally {
      await rogue.close();
    }
  }

  let created: Changed;
  let alertId: string;

  it('creates an operation at the coordinator’s node, bound to its bureau, and refuses one already over', async () => {
    const draft = {
      id: ID,
      name: 'North',
      participants: ['MR', 'FR'],
      start: new Date(Date.now() - 60_000).toISOString(),
      end: new Date(Date.now() + HOUR).toISOString(),
    };
    const answer = await call<Changed>('DK', 'coordinator', 'POST', '/api/operations', { body: draft });
    expect(answer.status).toBe(201);
    expect(answer.body.operation).toEqual({ ...draft, coordinator: 'DK', role: 'coordinator', phase: 'running' });
    created = answer.body;

    const late = await call('DK', 'coordinator', 'POST', '/api/operations', {
      body: { ...draft, id: 'op-late', start: new Date(Date.now() - 2 * HOUR).toISOString(), end: draft.start },
    });
    expect(late.status).toBe(400);
    expect(late.body).toEqual({
      code: 'operation-invalid',
      reason: `end (${draft.start}) is already past: an operation must end in the future`,
    });
    expect((await call('DK', 'officer', 'POST', '/api/operations', { body: { ...draft, id: 'op-x' } })).status).toBe(
      403,
    );
  });

  it('refuses another bureau’s coordinator any change to it', async () => {
    const amend = await call('MR', 'coordinator', 'PATCH', `/api/operations/${ID}`, { body: { name: 'Taken' } });
    expect(amend.status).toBe(403);
    expect(amend.body).toMatchObject({ code: 'operation-forbidden', reason: expect.stringContaining('not MR') });
    const end = await call('FR', 'coordinator', 'POST', `/api/operations/${ID}/end`, { body: { reason: 'mine now' } });
    expect(end.body).toMatchObject({ code: 'operation-forbidden' });
    const operations = await call<OperationView[]>('MR', 'officer', 'GET', '/api/operations');
    expect(operations.body.find((operation) => operation.id === ID)).toMatchObject({
      name: 'North',
      end: created.operation.end,
    });
  });

  it('amends the participants, so that a removed one no longer receives alerts, and extends the end', async () => {
    const removed = await call<Changed>('DK', 'coordinator', 'PATCH', `/api/operations/${ID}`, {
      body: { removeParticipants: ['FR'] },
    });
    expect(removed.body.operation.participants).toEqual(['MR']);
    const end = new Date(Date.now() + 3 * HOUR).toISOString();
    const extended = await call<Changed>('DK', 'coordinator', 'PATCH', `/api/operations/${ID}`, { body: { end } });
    expect(extended.status).toBe(200);
    expect(extended.body.operation).toMatchObject({ end, phase: 'running' });
    await gatewayHas(extended.body.version);

    const alert = await call<{ id: string; to: string[] }>(
      'DK',
      'coordinator',
      'POST',
      `/api/operations/${ID}/alerts`,
      {
        body: { title: 'Grey van', details: 'heading north' },
      },
    );
    expect(alert.body.to).toEqual(['MR']);
    alertId = alert.body.id;
    await waitFor(async () => (await network.api('MR').alerts(ID)).some((item) => item.id === alertId), {
      what: 'the alert at MR',
    });
    // Addressed to FR all the same, past DK's node: the gateway no longer counts FR in.
    expect(await refusalOfAlertPastTheNode('FR')).toMatchObject({
      to: 'FR',
      code: 'policy-denied',
      rule: 'operation-alert-to-participants-only',
    });
    expect(await network.api('FR').alerts(ID)).toEqual([]);
    await network.api('MR').replyToAlert(alertId, 'Checkpoint 4 alerted');
    await waitFor(async () => (await network.api('DK').replies(ID)).length > 0, { what: 'MR’s reply at DK' });
  });

  it('ends early: the next alert is refused at once at the node naming the rule, and at the gateway past it', async () => {
    const ended = await call<Changed>('DK', 'coordinator', 'POST', `/api/operations/${ID}/end`, {
      body: { reason: 'suspects arrested' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.operation.phase).toBe('ended');
    const endedAt = ended.body.operation.end;

    const refused = await call('DK', 'coordinator', 'POST', `/api/operations/${ID}/alerts`, {
      body: { title: 'too late', details: 'after the end' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      code: 'operation-not-running',
      rule: 'operation-alert-while-running',
      reason: `operation ${ID} ended at ${endedAt}: rule operation-alert-while-running refuses its alerts after the end`,
    });

    await gatewayHas(ended.body.version);
    expect(await refusalOfAlertPastTheNode('MR')).toMatchObject({
      to: 'MR',
      code: 'policy-denied',
      rule: 'operation-alert-while-running',
    });
    expect(
      (
        await call('DK', 'coordinator', 'PATCH', `/api/operations/${ID}`, {
          body: { end: new Date(Date.now() + HOUR).toISOString() },
        })
      ).body,
    ).toMatchObject({ code: 'operation-ended' });
  });

  it('reports the operation: its changes, alerts with each recipient’s state, replies and outcomes', async () => {
    type Report = {
      bureau: string;
      operation: OperationView;
      changes: Array<{ change: string; author: string }>;
      alertsSent: Array<{ id: string; recipients: Array<{ code: string; state: string }> }>;
      alertsReceived: Array<{ id: string }>;
      repliesReceived: Array<{ from: string; body: { text: string } }>;
      repliesSent: Array<{ meta: { replyTo: string } }>;
      outcomes: Array<{ kind: string; bureaus?: string[]; reason?: string }>;
    };
    const report = await call<Report>('DK', 'coordinator', 'GET', `/api/operations/${ID}/report`, {
      purpose: 'after-action review',
    });
    expect(report.status).toBe(200);
    expect(report.body.operation).toMatchObject({ id: ID, phase: 'ended' });
    expect(report.body.changes.map((change) => change.change)).toEqual(['created', 'amended', 'amended', 'ended']);
    expect(report.body.changes[0].author).toBe('DK role:coordinator');
    expect(report.body.alertsSent).toEqual([
      expect.objectContaining({
        id: alertId,
        recipients: [expect.objectContaining({ code: 'MR', state: expect.stringMatching(/delivered|receipted/) })],
      }),
    ]);
    expect(report.body.repliesReceived).toEqual([
      expect.objectContaining({ from: 'MR', body: expect.objectContaining({ text: 'Checkpoint 4 alerted' }) }),
    ]);
    expect(report.body.outcomes).toEqual([
      expect.objectContaining({ kind: 'participants-withdrawn', bureaus: ['FR'] }),
      expect.objectContaining({ kind: 'extended' }),
      expect.objectContaining({ kind: 'ended-early', reason: 'suspects arrested' }),
    ]);

    const file = await call<Report>('DK', 'coordinator', 'GET', `/api/operations/${ID}/report?download=true`, {
      purpose: 'after-action review',
    });
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="operation-${ID}-report.json"`);
    expect(file.body.changes).toHaveLength(4);

    // A participant's share: the alert it received and the reply it sent.
    const share = await call<Report>('MR', 'officer', 'GET', `/api/operations/${ID}/report`, { purpose: 'review' });
    expect(share.body).toMatchObject({ bureau: 'MR', alertsSent: [], alertsReceived: [{ id: alertId }] });
    expect(share.body.repliesSent).toEqual([
      expect.objectContaining({ meta: expect.objectContaining({ replyTo: alertId }) }),
    ]);
    // A bureau withdrawn from the operation no longer reads its record.
    expect((await call('FR', 'officer', 'GET', `/api/operations/${ID}/report`, { purpose: 'review' })).status).toBe(
      404,
    );
  });
});
