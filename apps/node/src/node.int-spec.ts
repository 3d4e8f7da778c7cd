import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { deliverSubject } from '@bureaunet/contracts';
import { certificateKid, generateBureauKeys } from '@bureaunet/crypto';
import {
  NodeApiClient,
  startNatsServer,
  waitFor,
  type ReceivedMessageView,
  type RunningNatsServer,
  type SentMessageView,
  throwawayPostgresUrl,
} from '@bureaunet/testing';
import { GatewayStandIn } from '../testing/gateway.stand-in';
import { RegistryStandIn } from '../testing/registry.stand-in';
import { ReceivedMessageEntity } from './store/received-message.entity';
import { startNode, type RunningNode } from './node.app';
import type { NodeConfig } from './node.config';
import type { NodeModuleOptions } from './node.module';
import { SentMessageEntity } from './store/sent-message.entity';

jest.setTimeout(60_000);

const TAMPERED_IN_TRANSIT = 'tampered-in-transit';

/** Bearer tokens of a test node's API, one per role. */
function tokensOf(code: string) {
  return {
    officer: `officer-token-${code}-0123456789`,
    reviewer: `reviewer-token-${code}-0123456789`,
    coordinator: `coordinator-token-${code}-0123456789`,
  };
}

interface TestNode {
  running: RunningNode;
  api: NodeApiClient;
  dataDir: string;
  /** Set when the run is on PostgreSQL: a restart reopens the same database. */
  databaseUrl?: string;
  db: DataSource;
}

describe('two nodes exchanging over a real nats-server', () => {
  let nats: RunningNatsServer;
  let connection: NatsConnection;
  let registry: RegistryStandIn;
  let gateway: GatewayStandIn;
  let mr: TestNode;
  let dk: TestNode;

  beforeAll(async () => {
    nats = await startNatsServer();
    connection = await connect({ servers: nats.url });
    registry = await RegistryStandIn.start(connection);
    const gatewayKeys = await generateBureauKeys();
    const gatewayCerts = await registry.enrolKeys('XG', 'gateway', {
      signing: gatewayKeys.signing.publicKey,
      encryption: gatewayKeys.encryption.publicKey,
    });
    gateway = await GatewayStandIn.start(connection, {
      signer: {
        kid: certificateKid(new X509Certificate(gatewayCerts.signingCertificate)),
        key: gatewayKeys.signing.privateKey,
      },
      broadcastCodes: () => registry.broadcastCodes(),
      tamper: (payload) => payload.meta.operationId === TAMPERED_IN_TRANSIT,
      // FI: the node started with a set clock, to let its signed directory expire.
      bureaus: ['MR', 'DK', 'FI'],
    });
    mr = await startTestNode('MR', nats.url);
    dk = await startTestNode('DK', nats.url);
  });

  afterAll(async () => {
    for (const node of [mr, dk]) {
      if (!node) continue;
      await node.running.app.close();
      rmSync(node.dataDir, { recursive: true, force: true });
    }
    gateway?.stop();
    registry?.stop();
    await connection?.drain();
    await nats?.stop();
  });

  it('reports itself healthy under its bureau code', async () => {
    expect(await mr.api.call('GET', '/api/health')).toMatchObject({
      status: 'ok',
      code: 'MR',
      outbox: { overdue: 0, unreported: 0, retrying: 0 },
      deadLetters: 0,
    });
  });

  it('shows on its health when its certificates and the CA expire', async () => {
    const signing = new X509Certificate(readFileSync(join(mr.dataDir, 'signing.crt.pem')));
    const ca = new X509Certificate(readFileSync(join(mr.dataDir, 'ca.crt.pem')));
    const before = Date.now();
    const health = await mr.api.call<{
      certificates: Record<'signing' | 'encryption' | 'ca', { notAfter: string; daysLeft: number; kid?: string }>;
    }>('GET', '/api/health');
    // Days left as of some moment during the call: either end of it.
    const daysLeft = (certificate: X509Certificate) =>
      [before, Date.now()].map((at) => Math.floor((Date.parse(certificate.validTo) - at) / 86_400_000));
    expect(health.certificates.signing).toMatchObject({
      notAfter: new Date(signing.validTo).toISOString(),
      kid: certificateKid(signing),
    });
    expect(daysLeft(signing)).toContain(health.certificates.signing.daysLeft);
    expect(health.certificates.encryption).toMatchObject({
      notAfter: expect.any(String),
      daysLeft: expect.any(Number),
      kid: expect.any(String),
    });
    expect(health.certificates.ca.notAfter).toBe(new Date(ca.validTo).toISOString());
    expect(daysLeft(ca)).toContain(health.certificates.ca.daysLeft);
  });

  it('describes its HTTP API in OpenAPI', async () => {
    const document = await mr.api.call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs-json');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/activity',
      '/api/activity/export',
      '/api/activity/head',
      '/api/activity/{seq}/proof',
      '/api/admin/dead-letters',
      '/api/admin/dead-letters/{id}',
      '/api/admin/dead-letters/{id}/release',
      '/api/checks',
      '/api/checks/document',
      '/api/checks/person',
      '/api/checks/replica',
      '/api/checks/{id}',
      '/api/consent-requests',
      '/api/consent-requests/{id}/grant',
      '/api/consent-requests/{id}/refuse',
      '/api/diffusions',
      '/api/diffusions/{id}/withdraw',
      '/api/events',
      '/api/health',
      '/api/health/live',
      '/api/health/ready',
      '/api/hits',
      '/api/hits/{id}',
      '/api/hits/{id}/answer',
      '/api/inbox',
      '/api/inbox/rejected',
      '/api/me',
      '/api/me/password',
      '/api/me/preferences',
      '/api/me/tokens',
      '/api/me/tokens/{id}',
      '/api/me/totp',
      '/api/me/totp/confirm',
      '/api/messages',
      '/api/messages/preview',
      '/api/messages/{id}',
      '/api/messages/{id}/consent-requests',
      '/api/messages/{id}/envelope',
      '/api/messages/{id}/evidence',
      '/api/notices',
      '/api/notices/requests',
      '/api/notices/{number}',
      '/api/notices/{number}/cancel',
      '/api/notices/{number}/update',
      '/api/operations',
      '/api/operations/alerts/{alertId}/reply',
      '/api/operations/{id}',
      '/api/operations/{id}/alerts',
      '/api/operations/{id}/alerts/sent',
      '/api/operations/{id}/end',
      '/api/operations/{id}/replies',
      '/api/operations/{id}/report',
      '/api/people',
      '/api/people/{id}',
      '/api/people/{id}/sign-in-link',
      '/api/people/{id}/unlock',
      '/api/requests',
      '/api/review/notices',
      '/api/review/notices/{id}/approve',
      '/api/review/notices/{id}/duplicates',
      '/api/review/notices/{id}/refuse',
      '/api/session',
      '/api/session/link',
      '/api/session/methods',
      '/api/session/oidc',
      '/api/session/oidc/callback',
      '/api/travel-documents',
      '/api/travel-documents/{documentNumber}',
    ]);
    expect(Object.keys(document.paths['/api/messages']).sort()).toEqual(['get', 'post']);
  });

  it('delivers a message decrypted to the recipient and brings its signed receipt back to the sender', async () => {
    const body = { subject: 'stolen passport', documentNumber: 'X1234567', note: 'Ünïcode survives' };
    const { id } = await mr.api.send({ kind: 'message', to: ['DK'], meta: { priority: 'urgent' }, body });

    const received = await waitFor(async () => (await dk.api.inbox()).items.find((item) => item.id === id), {
      what: 'the message in DK inbox',
    });
    expect(received).toMatchObject({
      id,
      direction: 'received',
      from: 'MR',
      kind: 'message',
      meta: { priority: 'urgent' },
      body,
    });
    expect(await dk.api.message<ReceivedMessageView>(id)).toMatchObject({ id, direction: 'received', body });

    const sent = await waitForReceipt(mr, id, 'DK');
    expect(sent).toMatchObject({ id, direction: 'sent', kind: 'message', to: ['DK'], status: 'accepted' });
    expect(sent.recipients).toEqual([
      expect.objectContaining({ code: 'DK', state: 'receipted', receiptedAt: expect.any(String) }),
    ]);
  });

  it('serves the exact signed envelope on both sides, and the receipt names its digest', async () => {
    const { id } = await mr.api.send({ kind: 'message', to: ['DK'], body: { text: 'evidence' } });
    const sent = await waitForReceipt(mr, id, 'DK');

    const sentBytes = await rawEnvelope(mr, id);
    const receivedBytes = await rawEnvelope(dk, id);
    expect(receivedBytes.equals(sentBytes)).toBe(true);
    const jws = JSON.parse(sentBytes.toString('utf8')) as { protected: string; payload: string };
    const digest = createHash('sha256').update(`${jws.protected}.${jws.payload}`).digest('base64url');
    expect(Buffer.from(jws.payload, 'base64url').toString('utf8')).not.toContain('evidence');

    const receiptId = (sent.recipients[0] as { receiptId?: string }).receiptId!;
    const receipt = await mr.api.message<ReceivedMessageView>(receiptId);
    expect(receipt).toMatchObject({
      direction: 'received',
      from: 'DK',
      kind: 'receipt',
      meta: { receiptFor: { id, digest } },
    });
    const receiptEnvelope = JSON.parse((await rawEnvelope(mr, receiptId)).toString('utf8')) as { payload: string };
    expect(JSON.parse(Buffer.from(receiptEnvelope.payload, 'base64url').toString('utf8'))).toMatchObject({
      kind: 'receipt',
      from: 'DK',
      to: ['MR'],
    });
  });

  it('records a delivery altered in transit as rejected, and sends no receipt for it', async () => {
    const { id } = await mr.api.send({
      kind: 'message',
      to: ['DK'],
      meta: { operationId: TAMPERED_IN_TRANSIT },
      body: { text: 'altered' },
    });

    const rejected = await waitFor(
      async () =>
        (
          await dk.api.call<Array<{ envelopeId: string; code: string; from: string }>>('GET', '/api/inbox/rejected')
        ).find((entry) => entry.envelopeId === id),
      { what: 'the rejected delivery at DK' },
    );
    // Not authenticated: no signed rejection goes back (a forger cannot make DK sign for it).
    expect(rejected).toMatchObject({ envelopeId: id, from: 'MR', code: 'bad-signature', rejectionId: null });
    await expect(dk.api.message(id)).rejects.toMatchObject({ status: 404 });
    expect(await receiptsFor(dk, id)).toBe(0);
    // The gateway did deliver it; without a receipt the state stops there.
    const sent = await waitFor(
      async () => {
        const view = await mr.api.message<SentMessageView>(id);
        return view.recipients[0]?.state === 'delivered' ? view : undefined;
      },
      { what: 'the delivery report at MR' },
    );
    expect(sent.status).toBe('accepted');
  });

  it('acknowledges a second copy of a delivered envelope without a second row or receipt', async () => {
    const { id } = await mr.api.send({ kind: 'message', to: ['DK'], body: { text: 'once' } });
    await waitForReceipt(mr, id, 'DK');

    // A redelivery the stream's dedupe window did not catch (another msgId), then a marker behind it.
    await jetstream(connection).publish(deliverSubject('DK'), await rawEnvelope(mr, id), { msgID: `${id}:DK:again` });
    const marker = await mr.api.send({ kind: 'message', to: ['DK'], body: { text: 'marker' } });
    await waitFor(async () => (await dk.api.inbox()).items.some((item) => item.id === marker.id), {
      what: 'the marker in DK inbox',
    });

    expect(await dk.db.getRepository(ReceivedMessageEntity).countBy({ id })).toBe(1);
    expect((await dk.api.inbox()).items.filter((item) => item.id === id)).toHaveLength(1);
    expect(await receiptsFor(dk, id)).toBe(1);
    expect(
      (await dk.api.call<Array<{ envelopeId: string }>>('GET', '/api/inbox/rejected')).some(
        (entry) => entry.envelopeId === id,
      ),
    ).toBe(false);
  });

  it('sends to "all": every other enrolled bureau, tracked from the report on', async () => {
    const { id } = await dk.api.send({ kind: 'message', to: 'all', body: { text: 'to everyone' } });
    await waitFor(async () => (await mr.api.inbox()).items.some((item) => item.id === id), {
      what: 'the broadcast in MR inbox',
    });
    const sent = await waitForReceipt(dk, id, 'MR');
    expect(sent.to).toBe('all');
    expect(sent.recipients.map((recipient) => recipient.code)).toEqual(['MR']);
  });

  it('lists sent messages and the inbox newest first, page by page', async () => {
    const first = await mr.api.send({ kind: 'message', to: ['DK'], body: { n: 1 } });
    const second = await mr.api.send({ kind: 'message', to: ['DK'], body: { n: 2 } });
    const page = await mr.api.call<{ items: SentMessageView[]; next: string | null }>('GET', '/api/messages?limit=1');
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(page.next).toBe(second.id);
    const older = await mr.api.call<{ items: SentMessageView[] }>('GET', `/api/messages?limit=1&before=${page.next}`);
    expect(older.items.map((item) => item.id)).toEqual([first.id]);
    expect(
      (await mr.api.call<{ items: SentMessageView[] }>('GET', '/api/messages')).items.every(
        (item) => item.kind !== 'receipt',
      ),
    ).toBe(true);

    await waitFor(async () => (await dk.api.inbox()).items.some((item) => item.id === second.id), {
      what: 'both in DK inbox',
    });
    const inbox = await dk.api.call<{ items: ReceivedMessageView[] }>('GET', '/api/inbox?limit=2');
    expect(inbox.items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect((await dk.api.inbox()).items.every((item) => item.kind !== 'receipt')).toBe(true);
  });

  it('gives a restarted node what was sent to it meanwhile, with its identity loaded from disk', async () => {
    await dk.running.app.close();
    const { id } = await mr.api.send({ kind: 'message', to: ['DK'], body: { text: 'while you were away' } });
    await waitFor(
      async () => ((await mr.api.message<SentMessageView>(id)).recipients[0]?.state === 'delivered' ? true : undefined),
      { what: 'the report for DK' },
    );

    dk = await startTestNode('DK', nats.url, {
      dataDir: dk.dataDir,
      databaseUrl: dk.databaseUrl,
      enrolmentToken: undefined,
    });
    const received = await waitFor(async () => (await dk.api.inbox()).items.find((item) => item.id === id), {
      what: 'the message at the restarted DK',
    });
    expect(received.body).toEqual({ text: 'while you were away' });
    await waitForReceipt(mr, id, 'DK');
  });

  it('answers bad requests with 400 naming the field, and stores nothing', async () => {
    const before = await mr.db.getRepository(SentMessageEntity).count();
    const cases: Array<[unknown, RegExp, string]> = [
      [{ kind: 'gossip', to: ['DK'], body: {} }, /^kind: must be one of /, 'invalid-request'],
      [{ kind: 'receipt', to: ['DK'], body: {} }, /^kind: must be one of /, 'invalid-request'],
      [{ kind: 'message', to: [], body: {} }, /^to: must name at least one bureau$/, 'invalid-request'],
      [{ kind: 'message', to: ['dk'], body: {} }, /^to\.0: must be a bureau code/, 'invalid-request'],
      [{ kind: 'message', to: ['DK'], meta: { priority: 'soon' }, body: {} }, /^meta\.priority: /, 'invalid-request'],
      [{ kind: 'message', to: ['DK'] }, /^body: is required/, 'invalid-request'],
      [{ kind: 'message', to: ['DK', 'ZZ'], body: {} }, /^to: unknown recipient ZZ$/, 'unknown-recipient'],
      [{ kind: 'message', to: ['MR'], body: {} }, /^to: MR is this bureau$/, 'self-addressed'],
    ];
    for (const [body, reason, code] of cases) {
      const response = await fetch(`${mr.running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokensOf('MR').officer}` },
        body: JSON.stringify(body),
      });
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 400,
        body: { code, reason: expect.stringMatching(reason) },
      });
    }
    expect(await mr.db.getRepository(SentMessageEntity).count()).toBe(before);
  });

  describe('bearer tokens', () => {
    it('answers 401 without a token or with an unknown one, and names the scheme', async () => {
      const anonymous = mr.api.withToken(undefined);
      for (const call of [
        () => anonymous.inbox(),
        () => anonymous.send({ kind: 'message', to: ['DK'], body: {} }),
        () => anonymous.envelope('019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e'),
        () => anonymous.reviewQueue(),
        () => anonymous.operations(),
      ]) {
        await expect(call()).rejects.toMatchObject({ status: 401 });
      }
      await expect(anonymous.inbox()).rejects.toMatchObject({ body: { code: 'token-missing' } });
      await expect(mr.api.withToken('not-a-token-of-this-node-0123').inbox()).rejects.toMatchObject({
        status: 401,
        body: { code: 'token-invalid' },
      });
      // Another node's officer token is not this node's.
      await expect(mr.api.withToken(tokensOf('DK').officer).inbox()).rejects.toMatchObject({ status: 401 });
      const response = await fetch(`${mr.running.url}/api/inbox`);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it('answers 403 when the role may not call the route', async () => {
      await expect(mr.api.reviewQueue()).rejects.toMatchObject({ status: 403, body: { code: 'role-forbidden' } });
      await expect(mr.api.approveNotice('019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e')).rejects.toMatchObject({
        status: 403,
        body: { code: 'role-forbidden' },
      });
      await expect(mr.api.withdrawDiffusion('019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e', 'no')).rejects.toMatchObject({
        status: 403,
        body: { code: 'role-forbidden' },
      });
      await expect(mr.api.alert('op-x', { title: 't', details: 'd' })).rejects.toMatchObject({
        status: 403,
        body: { code: 'role-forbidden' },
      });
      await expect(
        mr.api.withToken(tokensOf('MR').reviewer).send({ kind: 'message', to: ['DK'], body: {} }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(mr.api.withToken(tokensOf('MR').coordinator).inbox()).rejects.toMatchObject({ status: 403 });
    });

    it('serves the route to the right role, and health and OpenAPI to anyone', async () => {
      expect(await mr.api.inbox()).toMatchObject({ items: expect.any(Array) });
      // The review queue is the hub's: a reviewer passes the guard and meets the node's own 403 (not the hub), not a role refusal.
      await expect(mr.api.withToken(tokensOf('MR').reviewer).reviewQueue()).rejects.toMatchObject({
        status: 403,
        body: { code: expect.not.stringMatching(/^role-forbidden$/) },
      });
      expect(await mr.api.withToken(tokensOf('MR').coordinator).sentAlerts('op-x')).toEqual([]);
      expect(await mr.api.sentAlerts('op-x')).toEqual([]);
      expect(await mr.api.withToken(tokensOf('MR').reviewer).searchNotices()).toEqual([]);
      const anonymous = mr.api.withToken(undefined);
      expect(await anonymous.call('GET', '/api/health')).toMatchObject({
        status: 'ok',
        code: 'MR',
        outbox: { overdue: 0, unreported: 0, retrying: 0 },
        deadLetters: 0,
      });
      expect(await anonymous.call('GET', '/api/docs-json')).toMatchObject({ paths: expect.any(Object) });
    });
  });

  it('refuses to send once the signed directory it holds has expired, and says so on its readiness', async () => {
    let now = new Date();
    // Heard a day ago is not stale here: what lapses is the directory's own expiry.
    const fi = await startTestNode(
      'FI',
      nats.url,
      { directoryStalenessMs: 7 * 86_400_000 },
      { clock: { now: () => now } },
    );
    try {
      const { id } = await fi.api.send({ kind: 'message', to: ['DK'], body: { text: 'while in force' } });
      expect(id).toEqual(expect.any(String));
      const before = (await readiness(fi)).directory;
      expect(before).toMatchObject({ status: 'up', expiresAt: expect.any(String) });
      expect(Date.parse(String(before.expiresAt))).toBeGreaterThan(now.getTime());

      // The registry keeps answering with directories signed by its own clock: a day behind FI's now.
      now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
      const response = await fetch(`${fi.running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokensOf('FI').officer}` },
        body: JSON.stringify({ kind: 'message', to: ['DK'], body: { text: 'after expiry' } }),
      });
      const refused = (await response.json()) as { code: string; reason: string };
      expect({ status: response.status, code: refused.code }).toEqual({ status: 503, code: 'directory-expired' });
      const expiry = /^the directory expired at (\S+Z): /.exec(refused.reason)?.[1];
      expect(Date.parse(expiry!)).toBeLessThan(now.getTime());
      // Readiness names the expiry of the directory FI holds (its newest accepted answer's).
      const after = (await readiness(fi)).directory;
      expect(after).toMatchObject({ status: 'down', message: `expired at ${String(after.expiresAt)}` });
      expect(Date.parse(String(after.expiresAt))).toBeLessThan(now.getTime());
    } finally {
      await fi.running.app.close();
      rmSync(fi.dataDir, { recursive: true, force: true });
    }
  });

  it('answers a malformed id with 400 naming it, and an unknown one with 404', async () => {
    await expect(mr.api.call('GET', '/api/messages/not-an-id')).rejects.toMatchObject({
      status: 400,
      body: { reason: expect.stringMatching(/^id: must be a UUID or a ULID$/) },
    });
    await expect(mr.api.call('GET', '/api/messages?before=nope')).rejects.toMatchObject({
      status: 400,
      body: { reason: expect.stringMatching(/^before: must be a UUID or a ULID$/) },
    });
    await expect(mr.api.call('GET', '/api/messages/019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e')).rejects.toMatchObject({
      status: 404,
      body: { code: 'message-not-found' },
    });
    await expect(
      mr.api.call('GET', '/api/messages/019ab5e2-7c40-7a31-9f0e-3d2c1b0a9f8e/envelope'),
    ).rejects.toMatchObject({ status: 404 });
  });
});

/** The readiness check's per-indicator details, whatever its HTTP status. */
async function readiness(node: TestNode): Promise<Record<string, Record<string, unknown>>> {
  const response = await fetch(`${node.running.url}/api/health/ready`);
  return ((await response.json()) as { details: Record<string, Record<string, unknown>> }).details;
}

async function startTestNode(
  code: string,
  natsUrl: string,
  overrides: Partial<NodeConfig> = {},
  options: NodeModuleOptions = {},
): Promise<TestNode> {
  const config: NodeConfig = {
    code,
    port: 0,
    natsUrl,
    nats: {},
    dataDir: mkdtempSync(join(tmpdir(), `bureaunet-node-${code}-`)),
    databaseUrl: await throwawayPostgresUrl(`node_${code}`),
    enrolmentToken: `test-enrolment-token-${code}`,
    roleTokens: Object.entries(tokensOf(code))
      .map(([role, token]) => `${role}:${token}`)
      .join(','),
    directoryStalenessMs: 600_000,
    messageTtlMs: 3_600_000,
    republishIntervalMs: 500,
    consumerWaitMs: 10_000,
    reportDeadlineMs: 60_000,
    receiptDeadlineMs: 3_600_000,
    republishMaxAttempts: 6,
    clockSkewMs: 120_000,
    deadLetterAfter: 5,
    deadLetterLimit: 10_000,
    hitDeadlineMs: 600_000,
    hitSweepIntervalMs: 5_000,
    ...overrides,
  };
  const running = await startNode(config, options);
  return {
    running,
    api: new NodeApiClient(running.url, tokensOf(code).officer),
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    db: running.app.get(DataSource),
  };
}

function waitForReceipt(node: TestNode, id: string, code: string): Promise<SentMessageView & { to: unknown }> {
  return waitFor(
    async () => {
      const view = await node.api.message<SentMessageView & { to: unknown }>(id);
      return view.recipients.some((recipient) => recipient.code === code && recipient.state === 'receipted')
        ? view
        : undefined;
    },
    { what: `${code}'s receipt for ${id}` },
  );
}

async function rawEnvelope(node: TestNode, id: string): Promise<Buffer> {
  const response = await fetch(`${node.running.url}/api/messages/${id}/envelope`, {
    headers: { authorization: `Bearer ${node.api.token}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/jose\+json/);
  return Buffer.from(await response.arrayBuffer());
}

/** Receipts this node stored to send back for a received envelope. */
async function receiptsFor(node: TestNode, id: string): Promise<number> {
  const receipts = await node.db.getRepository(SentMessageEntity).findBy({ kind: 'receipt' });
  return receipts.filter((receipt) => receipt.meta.receiptFor?.id === id).length;
}
