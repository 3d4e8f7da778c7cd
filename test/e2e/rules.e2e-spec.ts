import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import { decodeLedgerEntry } from '@bureaunet/ledger';
import { DEFAULT_POLICIES, DEFAULT_RATE_LIMITS, policyTextSha256 } from '@bureaunet/policy';
import {
  HttpError,
  SendMessageRequest,
  SentMessageView,
  TestNetwork,
  repoRoot,
  startTestNetwork,
  waitFor,
} from '@bureaunet/testing';

const NO_QUERIES_TO_FR = `
@id("no-queries-to-fr")
@reason("FR takes no queries for now")
forbid (principal, action == Bureaunet::Action::"query", resource == Bureaunet::Bureau::"FR");
`;

type Json = Record<string, unknown>;

describe('per-country access rules, end to end', () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([HUB_CODE, 'DK', 'MR', 'FR', 'IT']);
  });

  afterAll(async () => {
    await network?.teardown();
  });

  /** A registry call as the administrator unless another token is given. */
  async function registry(
    method: string,
    path: string,
    body?: unknown,
    token = network.adminToken,
  ): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${network.registry.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  /**
   * Sends, then waits for the gateway's signed report to have decided every recipient. For "all",
   * the recipients are those the report names: wait until the node shows as many as expected.
   */
  async function sendAndReport(
    from: string,
    request: SendMessageRequest,
    recipients = request.to === 'all' ? 0 : request.to.length,
  ): Promise<SentMessageView> {
    const { id } = await network.api(from).send(request);
    return waitFor(
      async () => {
        const view = await network.api(from).message<SentMessageView>(id);
        const decided =
          view.status !== 'pending' &&
          view.recipients.length >= recipients &&
          view.recipients.every((recipient) => recipient.state !== 'pending');
        return decided ? view : undefined;
      },
      { what: `the report on ${request.kind} ${id} from ${from}` },
    );
  }

  /** A send the node refuses before storing anything: the HTTP status and {code, reason}. */
  async function refusedAtOnce(from: string, request: SendMessageRequest): Promise<{ status: number; body: Json }> {
    const error = await network
      .api(from)
      .send(request)
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    if (!(error instanceof HttpError))
      throw new Error(`expected ${from}'s ${request.kind} refused, got ${String(error)}`);
    return { status: error.status, body: error.body as Json };
  }

  /** The gateway's readiness signal for a rules version (what messages then show is the assertion). */
  async function gatewayHasRules(version: number): Promise<void> {
    await waitFor(
      async () =>
        ((await (await fetch(`${network.gateway.url}/api/rules/status`)).json()) as { version: number | null })
          .version === version,
      {
        what: `rules version ${version} at the gateway`,
      },
    );
  }

  async function trailEntries(id: string): Promise<Json[]> {
    const response = await fetch(`${network.gateway.url}/api/trail/${id}`, {
      headers: { authorization: `Bearer ${network.gatewayTokens.auditor}` },
    });
    const bundle = (await response.json()) as { entries: Array<{ leaf_input: string }> };
    return bundle.entries.map((entry) => decodeLedgerEntry(Buffer.from(entry.leaf_input, 'base64')));
  }

  const replayArgs = (id: string, keyFile: string) => [
    'replay',
    id,
    '--gateway',
    network.gateway.url,
    '--key',
    keyFile,
    `--token=${network.gatewayTokens.auditor}`,
    '--registry',
    network.registry.url,
    `--registry-token=${network.registryTokens.auditor}`,
  ];

  /** The auditor's CLI, built (dist/), as an auditor runs it. */
  function audit(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const script = join(repoRoot(), 'dist', 'apps', 'auditor', 'src', 'main.js');
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  const stateOf = (view: SentMessageView, code: string) => view.recipients.find((recipient) => recipient.code === code);
  const inboxHas = async (code: string, id: string) =>
    (await network.api(code).inbox()).items.find((item) => item.id === id);

  it('puts a rule change made through the registry in force at the running gateway, and back', async () => {
    const before = await sendAndReport('DK', { kind: 'query', to: ['FR'], body: { plate: 'AB-123-CD' } });
    expect(stateOf(before, 'FR')?.state).toMatch(/delivered|receipted/);

    const changed = await registry('PUT', '/api/rules', { policies: DEFAULT_POLICIES + NO_QUERIES_TO_FR });
    expect(changed.status).toBe(200);
    // Observed through messages: the same send, refused once the gateway has the new version.
    const refused = await waitFor(
      async () => {
        // With MR, which the rule leaves alone: a send refused for every recipient is refused at once (422).
        const view = await sendAndReport('DK', { kind: 'query', to: ['FR', 'MR'], body: { plate: 'AB-123-CD' } });
        return stateOf(view, 'FR')?.state === 'refused' ? view : undefined;
      },
      { what: 'the new rule refusing DK’s query to FR' },
    );
    expect(stateOf(refused, 'FR')?.refusal).toEqual({
      code: 'policy-denied',
      rule: 'no-queries-to-fr',
      message: 'FR takes no queries for now',
    });

    expect((await registry('PUT', '/api/rules', { policies: DEFAULT_POLICIES })).status).toBe(200);
    await waitFor(
      async () =>
        stateOf(await sendAndReport('DK', { kind: 'query', to: ['FR'], body: { plate: 'AB-123-CD' } }), 'FR')?.state !==
        'refused',
      {
        what: 'DK’s query to FR delivered again once the rule is withdrawn',
      },
    );
  });

  it('names the rule text of each decision by its SHA-256, and replays a decision from that text after the rules changed', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'bureaunet-replay-'));
    try {
      const directory = (await (await fetch(`${network.registry.url}/api/directory/XG`)).json()) as {
        signingCertificate: string;
      };
      const keyFile = join(workDir, 'gateway.pem');
      writeFileSync(keyFile, directory.signingCertificate);
      const before = await sendAndReport('DK', { kind: 'query', to: ['FR'], body: { plate: 'EF-456-GH' } });
      expect(stateOf(before, 'FR')?.state).toMatch(/delivered|receipted/);

      expect((await registry('PUT', '/api/rules', { policies: DEFAULT_POLICIES + NO_QUERIES_TO_FR })).status).toBe(200);
      const refused = await waitFor(
        async () => {
          const view = await sendAndReport('DK', { kind: 'query', to: ['FR', 'MR'], body: { plate: 'EF-456-GH' } });
          return stateOf(view, 'FR')?.state === 'refused' ? view : undefined;
        },
        { what: 'the new rule refusing DK’s query to FR' },
      );

      // The digest on the decision is that of the text the registry serves for its version, byte for byte.
      for (const [view, type] of [
        [before, 'delivery'],
        [refused, 'recipient-refused'],
      ] as const) {
        const decision = (await trailEntries(view.id)).find((entry) => entry.type === type && entry.to === 'FR');
        const served = await registry(
          'GET',
          `/api/rules/versions/${String(decision?.policyVersion)}`,
          undefined,
          network.registryTokens.auditor,
        );
        expect(served.status).toBe(200);
        expect(decision?.policySha256).toBe(policyTextSha256(served.body.policies as string));
        expect(served.body.policySha256).toBe(decision?.policySha256);
      }

      // The rules now refuse what `before` was; its replay from the historical text still delivers.
      const replayBefore = await audit(...replayArgs(before.id, keyFile));
      expect(replayBefore).toEqual({
        status: 0,
        stderr: '',
        stdout: expect.stringMatching(
          new RegExp(
            `^same: ${before.id} to FR .*recorded delivered by exchange-between-bureaus, replayed delivered by exchange-between-bureaus$`,
            'm',
          ),
        ),
      });
      const replayRefused = await audit(...replayArgs(refused.id, keyFile), '--to', 'FR');
      expect(replayRefused).toEqual({
        status: 0,
        stderr: '',
        stdout: expect.stringMatching(
          /^same: .* to FR .*recorded refused \(rule no-queries-to-fr\) by no-queries-to-fr, replayed refused \(rule no-queries-to-fr\) by no-queries-to-fr$/m,
        ),
      });
    } finally {
      expect((await registry('PUT', '/api/rules', { policies: DEFAULT_POLICIES })).status).toBe(200);
      rmSync(workDir, { recursive: true, force: true });
    }
  });

  it('lets only the administrator change the rules, and the auditor read them', async () => {
    const { officer, auditor } = network.registryTokens;
    expect((await registry('PUT', '/api/rules', { policies: DEFAULT_POLICIES }, officer)).status).toBe(403);
    expect((await registry('GET', '/api/rules', undefined, officer)).status).toBe(403);
    expect((await registry('PUT', '/api/rules', { policies: DEFAULT_POLICIES }, 'not-a-token-at-all')).status).toBe(
      401,
    );
    const rules = await registry('GET', '/api/rules', undefined, auditor);
    expect(rules).toMatchObject({ status: 200, body: { policies: DEFAULT_POLICIES } });
    const invalid = await registry('PUT', '/api/rules', {
      policies: '@id("x") permit (principal, action, resource) when { principal.rank > 1 };',
    });
    expect(invalid.body).toMatchObject({ code: 'policy-invalid', reason: expect.stringContaining('rank') });
    expect((await registry('GET', '/api/rules')).body.version).toBe(rules.body.version);
  });

  let restrictedId: string;

  it('delivers a broadcast to every bureau but the ones the data owner excluded, and reports them with code and rule', async () => {
    const view = await sendAndReport(
      'DK',
      {
        kind: 'diffusion',
        to: 'all',
        meta: { restrictedTo: ['FR'] },
        body: { subject: 'stolen vehicle', vin: 'WVW000000000001' },
      },
      4,
    );
    restrictedId = view.id;
    expect(view.status).toBe('accepted');
    expect(view.recipients.map((recipient) => recipient.code).sort()).toEqual(['FR', 'IT', 'MR', HUB_CODE].sort());
    expect(stateOf(view, 'FR')).toMatchObject({
      state: 'refused',
      refusal: { code: 'policy-denied', rule: 'data-owner-restriction', message: expect.any(String) },
    });
    for (const code of [HUB_CODE, 'MR', 'IT']) {
      await waitFor(() => inboxHas(code, view.id), { what: `the broadcast in ${code}'s inbox` });
    }
    // Receipts come back through the rules too.
    await waitFor(
      async () =>
        (await network.api('DK').message<SentMessageView>(view.id)).recipients.filter(
          (recipient) => recipient.state === 'receipted',
        ).length === 3,
      {
        what: 'receipts from the three recipients',
      },
    );
    expect(await inboxHas('FR', view.id)).toBeUndefined();
  });

  it('holds the restriction for a reply and a forward, whoever sends them', async () => {
    const reply = await sendAndReport('MR', {
      kind: 'message',
      to: ['FR', 'IT'],
      meta: { replyTo: restrictedId },
      body: { text: 'we have seen this vehicle' },
    });
    expect(stateOf(reply, 'FR')).toMatchObject({ state: 'refused', refusal: { rule: 'data-owner-restriction' } });
    expect(stateOf(reply, 'IT')?.state).toMatch(/delivered|receipted/);
    await waitFor(() => inboxHas('IT', reply.id), { what: 'the reply at IT' });

    const forward = await sendAndReport('IT', {
      kind: 'diffusion',
      to: ['FR', 'DK', HUB_CODE],
      meta: { forwardOf: reply.id },
      body: { text: 'passing this on' },
    });
    expect(stateOf(forward, 'FR')).toMatchObject({ state: 'refused', refusal: { rule: 'data-owner-restriction' } });
    expect(stateOf(forward, 'DK')?.state).toMatch(/delivered|receipted/);
    expect(await inboxHas('FR', reply.id)).toBeUndefined();
    expect(await inboxHas('FR', forward.id)).toBeUndefined();
  });

  it('lets a suspended bureau reach the hub and nobody else', async () => {
    expect((await registry('POST', '/api/admin/bureaus/IT/suspend')).status).toBe(200);
    try {
      // The gateway hears of the suspension through the registry's change event; send until it has.
      const view = await waitFor(
        async () => {
          const sent = await sendAndReport('IT', {
            kind: 'message',
            to: [HUB_CODE, 'MR'],
            body: { text: 'while suspended' },
          });
          return stateOf(sent, 'MR')?.state === 'refused' ? sent : undefined;
        },
        { what: 'a report refusing MR as IT is suspended' },
      );
      expect(stateOf(view, 'MR')?.refusal).toMatchObject({ code: 'sender-suspended', rule: 'suspended-sender' });
      expect(stateOf(view, HUB_CODE)?.state).toMatch(/delivered|receipted/);
      await waitFor(() => inboxHas(HUB_CODE, view.id), { what: 'the suspended bureau’s message at the hub' });
    } finally {
      expect((await registry('POST', '/api/admin/bureaus/IT/reinstate')).status).toBe(200);
    }
  });

  it('lets an operation’s coordinator alert its participants while it runs, and nobody else', async () => {
    const hour = 3_600_000;
    const running = await registry('POST', '/api/operations', {
      id: 'op-e2e',
      name: 'e2e',
      coordinator: 'DK',
      participants: ['MR', 'IT'],
      start: new Date(Date.now() - hour).toISOString(),
      end: new Date(Date.now() + hour).toISOString(),
    });
    expect(running.status).toBe(201);
    // An operation cannot be created already over: this one is ended early by the administrator.
    expect(
      (
        await registry('POST', '/api/operations', {
          id: 'op-e2e-ended',
          name: 'e2e ended',
          coordinator: 'DK',
          participants: ['MR'],
          start: new Date(Date.now() - 2 * hour).toISOString(),
          end: new Date(Date.now() + hour).toISOString(),
        })
      ).status,
    ).toBe(201);
    const ended = await registry('POST', '/api/operations/op-e2e-ended/end', { reason: 'over' });
    expect(ended.status).toBe(200);
    await gatewayHasRules(ended.body.version as number);

    const alert = await sendAndReport('DK', {
      kind: 'operation-alert',
      to: ['MR', 'IT', 'FR'],
      meta: { operationId: 'op-e2e' },
      body: { text: 'move now' },
    });
    expect(stateOf(alert, 'MR')?.state).toMatch(/delivered|receipted/);
    expect(stateOf(alert, 'IT')?.state).toMatch(/delivered|receipted/);
    expect(stateOf(alert, 'FR')).toMatchObject({
      state: 'refused',
      refusal: { rule: 'operation-alert-to-participants-only' },
    });

    // Every recipient refused: the sending node says so at once, from the gateway's dry-run (422, rule named).
    const fromParticipant = await refusedAtOnce('MR', {
      kind: 'operation-alert',
      to: ['IT'],
      meta: { operationId: 'op-e2e' },
      body: { text: 'me too' },
    });
    expect(fromParticipant).toMatchObject({ status: 422, body: { code: 'send-refused' } });
    expect(fromParticipant.body.reason).toContain('IT: policy-denied by rule operation-alert-from-coordinator');

    const afterEnd = await refusedAtOnce('DK', {
      kind: 'operation-alert',
      to: ['MR'],
      meta: { operationId: 'op-e2e-ended' },
      body: { text: 'too late' },
    });
    expect(afterEnd).toMatchObject({ status: 422, body: { code: 'send-refused' } });
    expect(afterEnd.body.reason).toContain('MR: policy-denied by rule operation-alert-while-running');
  });

  it('holds back a bureau over its rate limit until the time the gateway names, and leaves the others alone', async () => {
    const limited = await registry('PUT', '/api/rules', {
      limits: { ...DEFAULT_RATE_LIMITS, bureaus: { IT: { messagesPerMinute: 1 } } },
    });
    expect(limited.status).toBe(200);
    await gatewayHasRules(limited.body.version as number);
    try {
      // Over the limit is "not now": the node keeps the envelope and sends it again after retryAfterMs.
      const held = await waitFor(
        async () => {
          const { id } = await network.api('IT').send({ kind: 'message', to: ['MR'], body: { text: 'flood' } });
          return waitFor(
            async () => {
              const view = await network.api('IT').message<SentMessageView>(id);
              if (view.status === 'accepted') return null;
              return view.lastError?.startsWith('rate-limited') ? view : undefined;
            },
            { what: `the report on ${id}` },
          ).then((view) => view ?? undefined);
        },
        { what: 'IT held back over its limit' },
      );
      expect(held.status).toBe('pending');
      expect(held.lastError).toMatch(/^rate-limited: IT is over its limit of 1 envelopes a minute; retry at \d{4}-/);
      expect(held.nextCheckAt).toEqual(held.lastError?.slice(-24));
      expect(stateOf(held, 'MR')?.state).toBe('pending');
      const other = await sendAndReport('DK', { kind: 'message', to: ['MR'], body: { text: 'not limited' } });
      expect(stateOf(other, 'MR')?.state).toMatch(/delivered|receipted/);
    } finally {
      expect((await registry('PUT', '/api/rules', { limits: DEFAULT_RATE_LIMITS })).status).toBe(200);
    }
  });
});
