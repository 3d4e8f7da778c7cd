import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { certificateKid, generateBureauKeys } from '@bureaunet/crypto';
import {
  NodeApiClient,
  startNatsServer,
  waitFor,
  type RunningNatsServer,
  type SentMessageView,
  throwawayPostgresUrl,
} from '@bureaunet/testing';
import { GatewayStandIn } from '../../testing/gateway.stand-in';
import { RegistryStandIn } from '../../testing/registry.stand-in';
import { startNode, type RunningNode } from '../node.app';
import type { NodeConfig } from '../node.config';

jest.setTimeout(60_000);

const OFFICER = (code: string) => `officer-token-${code}-0123456789`;
/** A server whose max_payload is below what the node checks for: the bus, not the node, refuses. */
const MAX_PAYLOAD = 64 * 1024;

/** A message the bus refuses on its own must not hold back those behind it (issue 9, defect 3). */
describe('the republisher against a real nats-server that refuses one message', () => {
  let dir: string;
  let nats: RunningNatsServer;
  let connection: NatsConnection;
  let registry: RegistryStandIn;
  let gateway: GatewayStandIn;
  const nodes: RunningNode[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-republisher-'));
    writeFileSync(join(dir, 'nats.conf'), `max_payload: ${MAX_PAYLOAD}\n`);
    nats = await startNatsServer({ configFile: join(dir, 'nats.conf') });
    connection = await connect({ servers: nats.url });
    registry = await RegistryStandIn.start(connection);
    const keys = await generateBureauKeys();
    const certs = await registry.enrolKeys('XG', 'gateway', {
      signing: keys.signing.publicKey,
      encryption: keys.encryption.publicKey,
    });
    gateway = await GatewayStandIn.start(connection, {
      signer: { kid: certificateKid(new X509Certificate(certs.signingCertificate)), key: keys.signing.privateKey },
      broadcastCodes: () => registry.broadcastCodes(),
      bureaus: ['MR', 'DK'],
    });
    for (const code of ['MR', 'DK']) nodes.push(await startTestNode(code));
  });

  afterAll(async () => {
    for (const node of nodes) await node.app.close();
    gateway?.stop();
    registry?.stop();
    await connection?.drain();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startTestNode(code: string): Promise<RunningNode> {
    const config: NodeConfig = {
      code,
      port: 0,
      natsUrl: nats.url,
      nats: {},
      dataDir: join(dir, `node-${code}`),
      databaseUrl: await throwawayPostgresUrl(`node_${code}`),
      enrolmentToken: `test-enrolment-token-${code}`,
      roleTokens: `officer:${OFFICER(code)}`,
      directoryStalenessMs: 600_000,
      messageTtlMs: 3_600_000,
      consumerWaitMs: 10_000,
      clockSkewMs: 120_000,
      deadLetterAfter: 5,
      deadLetterLimit: 10_000,
      hitDeadlineMs: 600_000,
      hitSweepIntervalMs: 5_000,
      republishIntervalMs: 100,
      reportDeadlineMs: 200,
      receiptDeadlineMs: 60_000,
      republishMaxAttempts: 2,
    };
    return startNode(config);
  }

  it('goes past it to deliver the others, records its error and attempts, then marks it overdue with an alert', async () => {
    const dk = new NodeApiClient(nodes[1].url, OFFICER('DK'));
    const big = await dk.send({ kind: 'message', to: ['MR'], body: { text: 'z'.repeat(MAX_PAYLOAD) } });
    const small: string[] = [];
    for (let index = 0; index < 3; index += 1)
      small.push((await dk.send({ kind: 'message', to: ['MR'], body: { index } })).id);

    await waitFor(
      async () =>
        (await Promise.all(small.map((id) => dk.message<SentMessageView>(id)))).every(
          (view) => view.recipients[0]?.state === 'receipted',
        ),
      {
        what: 'the 3 small messages receipted',
      },
    );
    const overdue = await waitFor(
      async () => {
        const view = await dk.message<SentMessageView>(big.id);
        return view.recipients[0]?.state === 'overdue' ? view : undefined;
      },
      { what: 'the refused message overdue' },
    );
    expect(overdue).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastError: expect.stringMatching(/after 2 republishes/),
    });
    expect(await dk.call('GET', '/api/health')).toMatchObject({ outbox: { overdue: 1, unreported: 1 } });
  });
});
