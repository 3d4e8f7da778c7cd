import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager, AckPolicy } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  DELIVERIES_STREAM,
  SUBMISSIONS_STREAM,
  gatewayPermissions,
  nodePermissions,
  registryPermissions,
} from '@bureaunet/contracts';
import { BrokerCredentials, writeNatsAuthConfig } from './nats-auth.config';
import { RunningNatsServer, startNatsServer } from './nats-server.launcher';

describe('broker-level isolation on a real nats-server', () => {
  let dir: string;
  let server: RunningNatsServer;
  let credentials: Map<string, BrokerCredentials>;
  const open: NatsConnection[] = [];

  const as = async (user: string): Promise<NatsConnection> => {
    const { password, inboxPrefix } = credentials.get(user)!;
    const nc = await connect({ servers: server.url, user, pass: password, inboxPrefix });
    open.push(nc);
    return nc;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-auth-'));
    credentials = writeNatsAuthConfig(join(dir, 'auth.conf'), [
      registryPermissions(),
      gatewayPermissions(),
      nodePermissions('MR'),
      nodePermissions('DK'),
    ]);
    server = await startNatsServer({ configFile: join(dir, 'auth.conf') });
    const jsm = await jetstreamManager(await as('gateway'));
    await jsm.streams.add({ name: SUBMISSIONS_STREAM, subjects: ['bn.submit.*'], retention: 'workqueue' });
    await jsm.streams.add({ name: DELIVERIES_STREAM, subjects: ['bn.deliver.*'], retention: 'workqueue' });
    for (const code of ['MR', 'DK'])
      await jsm.consumers.add(DELIVERIES_STREAM, {
        durable_name: `node-${code}`,
        ack_policy: AckPolicy.Explicit,
        filter_subject: `bn.deliver.${code}`,
      });
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close()));
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a connection without credentials', async () => {
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toThrow(/Authorization/i);
  });

  it('lets a node submit on its own subject and nowhere else', async () => {
    const js = jetstream(await as('node-MR'));
    await expect(js.publish('bn.submit.MR', 'mine', { msgID: 'own' })).resolves.toMatchObject({
      stream: SUBMISSIONS_STREAM,
    });
    await expect(js.publish('bn.submit.DK', 'forged', { msgID: 'forged', timeout: 1_000 })).rejects.toThrow(
      /Permissions Violation|timeout|no responders/i,
    );
  });

  it('lets only the gateway publish deliveries', async () => {
    const node = jetstream(await as('node-MR'));
    await expect(node.publish('bn.deliver.MR', 'self-served', { msgID: 'self', timeout: 1_000 })).rejects.toThrow(
      /Permissions Violation|timeout|no responders/i,
    );
    const gateway = jetstream(await as('gateway'));
    await expect(gateway.publish('bn.deliver.MR', 'routed', { msgID: 'routed' })).resolves.toMatchObject({
      stream: DELIVERIES_STREAM,
    });
  });

  it("lets a node read its own deliveries and not another bureau's", async () => {
    const js = jetstream(await as('node-MR'));
    const own = await js.consumers.get(DELIVERIES_STREAM, 'node-MR');
    const message = await own.next({ expires: 2_000 });
    expect(message?.string()).toBe('routed');
    message?.ack();
    await expect(js.consumers.get(DELIVERIES_STREAM, 'node-DK')).rejects.toThrow(
      /Permissions Violation|timeout|no responders/i,
    );
  });

  it('lets a node neither create, update nor delete a consumer, its own included: the hub makes them', async () => {
    const jsm = await jetstreamManager(await as('node-MR'), { checkAPI: false });
    const retarget = { durable_name: 'node-MR', ack_policy: AckPolicy.Explicit, filter_subject: 'bn.deliver.DK' };
    await expect(jsm.consumers.add(DELIVERIES_STREAM, retarget)).rejects.toThrow(/Permissions Violation/i);
    await expect(
      jsm.consumers.update(DELIVERIES_STREAM, 'node-MR', { filter_subject: 'bn.deliver.DK' }),
    ).rejects.toThrow(/Permissions Violation/i);
    await expect(jsm.consumers.delete(DELIVERIES_STREAM, 'node-MR')).rejects.toThrow(/Permissions Violation/i);
    await expect(jsm.streams.info(DELIVERIES_STREAM)).rejects.toThrow(/Permissions Violation/i);
    const hub = await jetstreamManager(await as('gateway'));
    expect((await hub.consumers.info(DELIVERIES_STREAM, 'node-MR')).config.filter_subject).toBe('bn.deliver.MR');
  });

  it('lets a node ask the registry for its own operations only, and never for the whole rule bundle', async () => {
    const node = await as('node-MR');
    await expect(node.request('bn.registry.operations.DK', '{}', { timeout: 2_000 })).rejects.toThrow(
      /Permissions Violation/i,
    );
    await expect(node.request('bn.registry.rules.get', '{}', { timeout: 2_000 })).rejects.toThrow(
      /Permissions Violation/i,
    );
    // Its own subject passes the broker (no registry runs here, so nobody answers).
    await expect(node.request('bn.registry.operations.MR', '{}', { timeout: 2_000 })).rejects.toThrow(
      /no responders|timeout/i,
    );
  });

  it('lets a node ask the gateway for a rules preview on its own subject only, and the gateway answer it', async () => {
    const node = await as('node-MR');
    await expect(node.request('bn.gateway.preview.DK', '{}', { timeout: 2_000 })).rejects.toThrow(
      /Permissions Violation/i,
    );
    const gateway = await as('gateway');
    const subscription = gateway.subscribe('bn.gateway.preview.*', {
      callback: (_error, msg) => {
        msg.respond('{"answered":true}');
      },
    });
    await gateway.flush();
    const reply = await node.request('bn.gateway.preview.MR', '{}', { timeout: 2_000 });
    expect(reply.string()).toBe('{"answered":true}');
    subscription.unsubscribe();
  });
});
