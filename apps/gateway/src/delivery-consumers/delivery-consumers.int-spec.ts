import { SchedulerRegistry } from '@nestjs/schedule';
import { AckPolicy, DeliverPolicy, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { DELIVERIES_STREAM, type DirectoryEntry } from '@bureaunet/contracts';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient, connectNats, drainConnection, ensureStreams } from '@bureaunet/transport';
import { DELIVERY_MAX_ACK_PENDING } from '../gateway.config';
import { DELIVERY_ACK_WAIT_MS } from './delivery-consumers.plan';
import { DeliveryConsumersProvisioner, type BureauDirectory } from './delivery-consumers.provisioner';

const entry = (code: string, role: DirectoryEntry['role'] = 'bureau'): DirectoryEntry => ({
  code,
  role,
  status: 'active',
  revokedSerials: [],
  version: 1,
});

/** The directory as the registry would list it; a test adds bureaus to it. */
class DirectoryStandIn implements BureauDirectory {
  readonly entries = [entry('XH', 'hub'), entry('XG', 'gateway'), entry('MR'), entry('DK')];
  all(): Promise<DirectoryEntry[]> {
    return Promise.resolve([...this.entries]);
  }
  entry(code: string): Promise<DirectoryEntry | undefined> {
    return Promise.resolve(this.entries.find((candidate) => candidate.code === code));
  }
}

describe('the gateway provisions every bureau delivery consumer, on a real nats-server', () => {
  let server: RunningNatsServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let directory: DirectoryStandIn;
  let provisioner: DeliveryConsumersProvisioner;

  const filterOf = async (name: string) => (await jsm.consumers.info(DELIVERIES_STREAM, name)).config.filter_subject;

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectNats({ servers: server.url, name: 'provisioner-int-spec' });
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm);
    directory = new DirectoryStandIn();
    provisioner = new DeliveryConsumersProvisioner(
      nc,
      directory,
      new BusClient(nc),
      {
        deliveryConsumersReconcileMs: 3_600_000,
        deliveryMaxAckPending: DELIVERY_MAX_ACK_PENDING,
        deliveryAckWaitMs: DELIVERY_ACK_WAIT_MS,
      },
      new SchedulerRegistry(),
    );
  });

  afterAll(async () => {
    await drainConnection(nc);
    await server?.stop();
  });

  it("makes node-<code> on bn.deliver.<code> with the hub's settings for every bureau but the gateway, once", async () => {
    expect(await provisioner.reconcile()).toEqual({
      created: ['node-DK', 'node-MR', 'node-XH'],
      restored: [],
      removed: [],
      failed: [],
    });
    const info = await jsm.consumers.info(DELIVERIES_STREAM, 'node-MR');
    expect(info.config).toMatchObject({
      durable_name: 'node-MR',
      filter_subject: 'bn.deliver.MR',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_deliver: -1,
      ack_wait: nanos(DELIVERY_ACK_WAIT_MS),
      max_ack_pending: DELIVERY_MAX_ACK_PENDING,
    });
    expect(await provisioner.reconcile()).toEqual({ created: [], restored: [], removed: [], failed: [] });
  });

  it('puts back a consumer retargeted at another bureau, and one made headers-only (replaced), keeping what is pending', async () => {
    const js = jsm.jetstream();
    for (const index of [1, 2, 3]) await js.publish('bn.deliver.MR', `for MR ${index}`, { msgID: `mr-${index}` });
    await jsm.consumers.update(DELIVERIES_STREAM, 'node-MR', { filter_subject: 'bn.deliver.DK-spare' });
    await jsm.consumers.delete(DELIVERIES_STREAM, 'node-XH');
    await jsm.consumers.add(DELIVERIES_STREAM, {
      durable_name: 'node-XH',
      filter_subject: 'bn.deliver.XH',
      ack_policy: AckPolicy.Explicit,
      headers_only: true,
    });

    expect(await provisioner.reconcile()).toEqual({
      created: [],
      restored: ['node-MR', 'node-XH'],
      removed: [],
      failed: [],
    });
    expect(await filterOf('node-MR')).toBe('bn.deliver.MR');
    const xh = (await jsm.consumers.info(DELIVERIES_STREAM, 'node-XH')).config;
    expect({ ack: xh.ack_policy, headersOnly: xh.headers_only ?? false }).toEqual({
      ack: AckPolicy.Explicit,
      headersOnly: false,
    });
    const pending = await (
      await js.consumers.get(DELIVERIES_STREAM, 'node-MR')
    ).fetch({ max_messages: 3, expires: 2_000 });
    const seen: string[] = [];
    for await (const message of pending) {
      seen.push(message.string());
      message.ack();
    }
    expect(seen).toEqual(['for MR 1', 'for MR 2', 'for MR 3']);
  });

  it('deletes a consumer it did not make before it blocks or robs a bureau, and recreates a deleted one', async () => {
    await jsm.consumers.delete(DELIVERIES_STREAM, 'node-DK');
    await jsm.consumers.add(DELIVERIES_STREAM, {
      durable_name: 'spy',
      filter_subject: 'bn.deliver.DK',
      ack_policy: AckPolicy.Explicit,
    });

    expect(await provisioner.reconcile()).toEqual({ created: ['node-DK'], restored: [], removed: ['spy'], failed: [] });
    expect(await filterOf('node-DK')).toBe('bn.deliver.DK');
  });

  it('makes the consumer of a bureau that joins the directory', async () => {
    directory.entries.push(entry('FR'));
    expect((await provisioner.reconcile()).created).toEqual(['node-FR']);
    expect(await filterOf('node-FR')).toBe('bn.deliver.FR');
  });

  it('runs one pass at a time: calls during a pass share it and one more pass after it', async () => {
    await jsm.consumers.delete(DELIVERIES_STREAM, 'node-FR');
    const passes = [provisioner.reconcile(), provisioner.reconcile(), provisioner.reconcile()];
    const summaries = await Promise.all(passes);
    // The first pass recreated node-FR; the queued pass found nothing to do, and every caller sees its result.
    expect(summaries.map((summary) => summary.created)).toEqual([[], [], []]);
    expect(await filterOf('node-FR')).toBe('bn.deliver.FR');
  });
});
