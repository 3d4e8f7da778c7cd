import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { DomainError } from '@bureaunet/contracts';
import { certificateKid, generateBureauKeys } from '@bureaunet/crypto';
import { verifyEvidence, type EvidenceBundle, type EvidenceVerifierOptions } from '@bureaunet/evidence';
import {
  NodeApiClient,
  startNatsServer,
  waitFor,
  type RunningNatsServer,
  type SentMessageView,
  throwawayPostgresUrl,
} from '@bureaunet/testing';
import { EvidenceSourcesStandIn } from '../../testing/evidence-sources.stand-in';
import { GatewayStandIn } from '../../testing/gateway.stand-in';
import { RegistryStandIn } from '../../testing/registry.stand-in';
import { startNode, type RunningNode } from '../node.app';
import type { NodeConfig } from '../node.config';
import { SentMessageEntity } from '../store/sent-message.entity';
import { GatewayTrailClient } from './gateway-trail.client';

jest.setTimeout(60_000);

const token = (code: string) => `officer-token-${code}-0123456789`;
const adminToken = (code: string) => `admin-token-${code}-0123456789`;

interface TestNode {
  code: string;
  running: RunningNode;
  api: NodeApiClient;
  dataDir: string;
}

/** The export at a sender's and a recipient's node, real SQLite and nats-server; the gateway's trail and the registry's statements stand in. */
describe('evidence export', () => {
  let nats: RunningNatsServer;
  let connection: NatsConnection;
  let registry: RegistryStandIn;
  let gateway: GatewayStandIn;
  let sources: EvidenceSourcesStandIn;
  let dk: TestNode;
  let mr: TestNode;
  let id: string;
  let body: unknown;

  beforeAll(async () => {
    nats = await startNatsServer();
    connection = await connect({ servers: nats.url });
    registry = await RegistryStandIn.start(connection);
    const gatewayKeys = await generateBureauKeys();
    const gatewayCerts = await registry.enrolKeys('XG', 'gateway', {
      signing: gatewayKeys.signing.publicKey,
      encryption: gatewayKeys.encryption.publicKey,
    });
    const gatewayKid = certificateKid(new X509Certificate(gatewayCerts.signingCertificate));
    gateway = await GatewayStandIn.start(connection, {
      signer: { kid: gatewayKid, key: gatewayKeys.signing.privateKey },
      broadcastCodes: () => registry.broadcastCodes(),
      bureaus: ['DK', 'MR'],
    });
    sources = await EvidenceSourcesStandIn.start(registry.ca, gatewayKeys.signing.privateKey);
    sources.codes.set(gatewayKid, 'XG');
    dk = await startTestNode('DK', nats.url, sources);
    mr = await startTestNode('MR', nats.url, sources);

    body = { text: 'Wanted person seen at the border', reference: 'DK-2026-0042' };
    ({ id } = await dk.api.send({ kind: 'message', to: ['MR'], body }));
    const sent = await waitFor(
      async () => {
        const view = await dk.api.message<SentMessageView>(id);
        return view.recipients.find((r) => r.code === 'MR' && r.state === 'receipted') ? view : undefined;
      },
      { what: 'the receipt of MR at DK' },
    );
    const row = await dk.running.app.get(DataSource).manager.findOneByOrFail(SentMessageEntity, { id });
    const receiptId = sent.recipients.find((r) => r.code === 'MR')?.receiptId ?? '';
    sources.record({
      id,
      from: 'DK',
      digest: row.digest,
      delivered: ['MR'],
      receipts: [{ id: receiptId, from: 'MR' }],
      at: new Date(row.createdAt),
    });
  });

  afterAll(async () => {
    for (const node of [dk, mr]) {
      if (!node) continue;
      await node.running.app.close();
      rmSync(node.dataDir, { recursive: true, force: true });
    }
    gateway?.stop();
    registry?.stop();
    await connection?.drain();
    await nats?.stop();
  });

  beforeEach(() => {
    sources.failures = {};
  });

  const options = (): EvidenceVerifierOptions => ({
    trustedCa: registry.ca.pem,
    witnesses: sources.witnesses.map(({ name, publicKey }) => ({ name, publicKey })),
    quorum: 2,
    now: new Date(Date.now() + 60_000),
  });
  const failed = (bundle: unknown) =>
    verifyEvidence(bundle, options())
      .checks.filter((check) => !check.ok)
      .map((check) => `${check.piece}: ${check.reason}`);

  it("at the sender's node: the envelope, the gateway's report, the recipient's receipt, all verifying", async () => {
    const { status, headers, body: bundle } = await exportOf(dk, id);
    expect(status).toBe(200);
    expect(failed(bundle)).toEqual([]);
    const b = bundle as EvidenceBundle;
    expect(b).toMatchObject({ format: 'bureaunet-evidence/1', message_id: id });
    expect(b.reports).toHaveLength(1);
    expect(b.receipts).toHaveLength(1);
    expect(b.certificates.bureaus).toHaveLength(2);
    // Only the message's own entries: the receipt envelope's acceptance names another id.
    expect(b.entries).toHaveLength(3);
    expect(b.policies).toEqual([{ version: 3, text: expect.any(String) }]);
    expect(b.plaintext).toBeUndefined();
    expect(Buffer.from(b.envelope, 'base64url').equals(await envelopeBytes(dk, id))).toBe(true);
    expect(headers.get('x-evidence-omitted')).toBeNull();
  });

  it("at a recipient's node with plaintext: the content key opens the signed content, and what it leaves out is said", async () => {
    const { status, headers, body: bundle } = await exportOf(mr, id, '?plaintext=true');
    expect(status).toBe(200);
    expect(failed(bundle)).toEqual([]);
    const b = bundle as EvidenceBundle;
    expect(b.reports).toEqual([]);
    expect(b.receipts).toHaveLength(1);
    expect(JSON.parse(Buffer.from(b.plaintext?.content ?? '', 'base64url').toString('utf8'))).toEqual({ body });
    expect(verifyEvidence(b, options()).checks.find((c) => c.piece === 'plaintext')?.ok).toBe(true);
    expect(headers.get('x-evidence-omitted')).toMatch(/^reports: .*; receipts: /);
  });

  it("refuses plaintext at the sender's node, which keeps neither content nor key", async () => {
    const { status, body: answer } = await exportOf(dk, id, '?plaintext=true');
    expect(status).toBe(409);
    expect(answer).toMatchObject({ code: 'plaintext-not-held', reason: expect.stringMatching(/^plaintext: /) });
  });

  it('names the piece it cannot obtain, never serving a thinner bundle', async () => {
    sources.failures = { policy: true };
    expect((await exportOf(dk, id)).body).toMatchObject({ code: 'evidence-incomplete', reason: /^policies: / });
    sources.failures = { checkpointSize: true };
    expect(await exportOf(mr, id)).toMatchObject({
      status: 409,
      body: { code: 'evidence-incomplete', reason: expect.stringMatching(/^checkpoint: .*tree size/) },
    });
  });

  it('answers 503 naming the gateway when it is not configured to ask it', async () => {
    const unconfigured = new GatewayTrailClient({ evidence: {} } as NodeConfig);
    sources.failures = { trail: (await unconfigured.trail(id).catch((error: unknown) => error)) as DomainError };
    expect(await exportOf(dk, id)).toMatchObject({
      status: 503,
      body: { code: 'evidence-source-unavailable', reason: expect.stringContaining('NODE_EVIDENCE_GATEWAY_URL') },
    });
  });

  it('records each export in the activity log with its purpose, refusals included', async () => {
    const response = await fetch(`${dk.running.url}/api/activity?action=message.evidence`, {
      headers: { authorization: `Bearer ${adminToken('DK')}` },
    });
    const { items } = (await response.json()) as { items: { entry: Record<string, unknown> }[] };
    expect(items.map(({ entry }) => entry)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target: id, purpose: 'court case 2026/118', outcome: 'done' }),
        expect.objectContaining({ target: id, outcome: 'refused', code: 'plaintext-not-held' }),
      ]),
    );
  });

  it('answers 404 for a message neither sent nor received here', async () => {
    expect(await exportOf(dk, '01900000-0000-7000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'message-not-found' },
    });
  });
});

async function exportOf(node: TestNode, id: string, query = '') {
  const response = await fetch(`${node.running.url}/api/messages/${id}/evidence${query}`, {
    headers: { authorization: `Bearer ${token(node.code)}`, 'x-purpose': 'court case 2026/118' },
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function envelopeBytes(node: TestNode, id: string): Promise<Buffer> {
  const response = await fetch(`${node.running.url}/api/messages/${id}/envelope`, {
    headers: { authorization: `Bearer ${token(node.code)}`, 'x-purpose': 'court case 2026/118' },
  });
  return Buffer.from(await response.arrayBuffer());
}

async function startTestNode(code: string, natsUrl: string, sources: EvidenceSourcesStandIn): Promise<TestNode> {
  const config: NodeConfig = {
    code,
    port: 0,
    natsUrl,
    nats: {},
    dataDir: mkdtempSync(join(tmpdir(), `bureaunet-evidence-${code}-`)),
    databaseUrl: await throwawayPostgresUrl(`node_${code}`),
    enrolmentToken: `test-enrolment-token-${code}`,
    roleTokens: `officer:${token(code)},admin:${adminToken(code)}`,
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
  };
  const running = await startNode(config, {
    evidenceSources: { gateway: sources.gateway, registry: sources.registrySource },
  });
  const signing = new X509Certificate(readFileSync(join(config.dataDir, 'signing.crt.pem')));
  sources.codes.set(certificateKid(signing), code);
  return { code, running, api: new NodeApiClient(running.url, token(code)), dataDir: config.dataDir };
}
