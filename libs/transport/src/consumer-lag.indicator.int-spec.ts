import { HealthIndicatorService } from '@nestjs/terminus';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DELIVERIES_STREAM, SUBMISSIONS_STREAM } from '@bureaunet/contracts';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { ConsumerLagIndicator } from './consumer-lag.indicator';
import { ensureDurableConsumer, ensureStreams } from './jetstream.topology';
import { connectNats, drainConnection } from './nats-connection.provider';

const BOUNDS = { probeTimeoutMs: 2_000, maxConsumerPending: 3, minCertificateDays: 0, readyCacheMs: 0 };
const MR = { stream: DELIVERIES_STREAM, durable: 'node-MR' };

describe('ConsumerLagIndicator on a real nats-server', () => {
  let server: RunningNatsServer;
  let nc: NatsConnection;
  let indicator: ConsumerLagIndicator;

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectNats({ servers: server.url, name: 'consumer-lag-int-spec' });
    const jsm = await jetstreamManager(nc);
    await ensureStreams(jsm);
    await ensureDurableConsumer(jsm, { ...MR, filterSubject: 'bn.deliver.MR', ackWaitMs: 30_000 });
    indicator = new ConsumerLagIndicator(new HealthIndicatorService(), nc, BOUNDS);
  });

  afterAll(async () => {
    await drainConnection(nc);
    await server?.stop();
  });

  it('is up while the pending messages stay within the bound, and down past it, naming the consumer', async () => {
    const js = jetstream(nc);
    for (let i = 0; i < 3; i++) await js.publish('bn.deliver.MR', `m${i}`, { msgID: `m${i}` });
    expect(await indicator.check('consumers', [MR])).toEqual({
      consumers: { status: 'up', maxPending: 3, 'BN_DELIVERIES/node-MR': { pending: 3, ackPending: 0 } },
    });

    await js.publish('bn.deliver.MR', 'm3', { msgID: 'm3' });
    expect(await indicator.check('consumers', [MR])).toEqual({
      consumers: {
        status: 'down',
        message: 'BN_DELIVERIES/node-MR has 4 messages pending',
        maxPending: 3,
        'BN_DELIVERIES/node-MR': { pending: 4, ackPending: 0 },
      },
    });
  });

  it('is down when a consumer it should read does not exist', async () => {
    const result = await indicator.check('consumers', [{ stream: DELIVERIES_STREAM, durable: 'node-DK' }]);
    expect(result).toMatchObject({
      consumers: {
        status: 'down',
        message: expect.stringMatching(/^BN_DELIVERIES\/node-DK: .*consumer not found/),
        'BN_DELIVERIES/node-DK': { error: expect.stringMatching(/consumer not found/) },
      },
    });
  });

  it('reports a work queue read through many consumers as one backlog: the messages nobody has acked', async () => {
    const js = jetstream(nc);
    for (let i = 0; i < 4; i++) await js.publish(`bn.submit.C${i}`, `s${i}`, { msgID: `s${i}` });
    expect(await indicator.check('consumers', [], [SUBMISSIONS_STREAM])).toEqual({
      consumers: {
        status: 'down',
        message: 'BN_SUBMISSIONS holds 4 messages not acked',
        maxPending: 3,
        BN_SUBMISSIONS: { messages: 4 },
      },
    });
  });
});
