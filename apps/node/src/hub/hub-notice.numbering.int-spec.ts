import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { HUB_CODE } from '@bureaunet/contracts';
import { certificateKid, generateBureauKeys } from '@bureaunet/crypto';
import {
  HttpError,
  NodeApiClient,
  startNatsServer,
  throwawayPostgresUrl,
  waitFor,
  type RunningNatsServer,
} from '@bureaunet/testing';
import { GatewayStandIn } from '../../testing/gateway.stand-in';
import { RegistryStandIn } from '../../testing/registry.stand-in';
import { startNode, type RunningNode } from '../node.app';
import type { NodeConfig } from '../node.config';

jest.setTimeout(120_000);

const REQUESTS = 20;
const tokenOf = (code: string, role: string) => `${role}-token-${code}-0123456789`;

const draft = (index: number) => ({
  type: 'red',
  familyName: `Numbered${index}`,
  givenNames: 'Anna',
  documentNumbers: [],
  offence: 'fraud',
  expiry: '2030-12-31',
});

/** The hub's review queue approving many requests at once (real nodes; gateway and registry stand in). */
describe('hub notice numbers under concurrent approvals', () => {
  let dir: string;
  let nats: RunningNatsServer;
  let connection: NatsConnection;
  let registry: RegistryStandIn;
  let gateway: GatewayStandIn;
  const nodes: RunningNode[] = [];
  let dkOfficer: NodeApiClient;
  let reviewer: NodeApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-numbers-'));
    nats = await startNatsServer();
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
      bureaus: [HUB_CODE, 'DK'],
    });
    reviewer = new NodeApiClient((await startTestNode(HUB_CODE)).url, tokenOf(HUB_CODE, 'reviewer'));
    dkOfficer = new NodeApiClient((await startTestNode('DK')).url, tokenOf('DK', 'officer'));
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
      roleTokens: ['officer', 'reviewer'].map((role) => `${role}:${tokenOf(code, role)}`).join(','),
      directoryStalenessMs: 600_000,
      hitDeadlineMs: 600_000,
      hitSweepIntervalMs: 5_000,
      messageTtlMs: 3_600_000,
      consumerWaitMs: 10_000,
      clockSkewMs: 120_000,
      deadLetterAfter: 5,
      deadLetterLimit: 10_000,
      republishIntervalMs: 500,
      reportDeadlineMs: 60_000,
      receiptDeadlineMs: 3_600_000,
      republishMaxAttempts: 6,
    };
    const running = await startNode(config);
    nodes.push(running);
    return running;
  }

  it('numbers 20 approvals at once 1 to 20, each once, and a second approval that fails leaves no gap', async () => {
    const ids: string[] = [];
    for (let index = 0; index < REQUESTS; index += 1) ids.push((await dkOfficer.requestNotice(draft(index))).id);
    await waitFor(
      async () => {
        const queued = new Set((await reviewer.reviewQueue()).map((item) => item.id));
        return ids.every((id) => queued.has(id));
      },
      { what: `the ${REQUESTS} requests in the hub's review queue` },
    );

    // The first request is approved twice at once: one of the two fails, after or before taking a number.
    const outcomes = await Promise.allSettled([...ids, ids[0]].map((id) => reviewer.approveNotice(id)));
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(HttpError);
    expect(refused[0]).toMatchObject({ status: 409 });

    const year = new Date().getUTCFullYear();
    const numbers = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.number] : []));
    const sequences = numbers.map((number) => {
      const match = /^A-(\d+)\/(\d{4})$/.exec(number ?? '');
      expect(match?.[2]).toBe(String(year));
      return Number(match?.[1]);
    });
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: REQUESTS }, (_, index) => index + 1));

    // The next approval takes the next number: nothing was lost to the failed one.
    const next = (await dkOfficer.requestNotice(draft(REQUESTS))).id;
    await waitFor(async () => (await reviewer.reviewQueue()).some((item) => item.id === next), {
      what: 'one more request in the review queue',
    });
    expect((await reviewer.approveNotice(next)).number).toBe(`A-${REQUESTS + 1}/${year}`);
  });
});
