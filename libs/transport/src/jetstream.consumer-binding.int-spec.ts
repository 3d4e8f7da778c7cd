import { Logger } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DELIVERIES_STREAM } from '@bureaunet/contracts';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { bindProvisionedConsumer, ConsumerNotProvisionedError } from './jetstream.consumer-binding';
import { connectNats, drainConnection } from './nats-connection.provider';
import { ensureDurableConsumer, ensureStreams } from './jetstream.topology';

const logger = new Logger('binding-int-spec');
const MR = { stream: DELIVERIES_STREAM, durable: 'node-MR', filterSubject: 'bn.deliver.MR' };

describe('binding to a consumer the hub provisions, on a real nats-server', () => {
  let server: RunningNatsServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectNats({ servers: server.url, name: 'binding-int-spec' });
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm);
  });

  afterAll(async () => {
    await drainConnection(nc);
    await server?.stop();
  });

  it('waits for the consumer to be made, then binds without changing it', async () => {
    let bound = false;
    const binding = bindProvisionedConsumer(jsm.jetstream(), MR, { waitMs: 60_000, logger, stopped: () => false }).then(
      (consumer) => ((bound = true), consumer),
    );
    // The binder is polling a consumer that does not exist yet: nothing may have been created on its behalf.
    await expect(jsm.consumers.info(DELIVERIES_STREAM, 'node-MR')).rejects.toThrow(/consumer not found/);
    expect(bound).toBe(false);

    await ensureDurableConsumer(jsm, { ...MR, ackWaitMs: 12_000 });
    const consumer = await binding;
    expect((await consumer.info(true)).config).toMatchObject({
      durable_name: 'node-MR',
      filter_subject: 'bn.deliver.MR',
    });
    expect((await jsm.consumers.info(DELIVERIES_STREAM, 'node-MR')).config.ack_wait).toBe(12_000 * 1_000_000);
  });

  it('gives up after the bound with an error naming the consumer', async () => {
    const binding = bindProvisionedConsumer(
      jsm.jetstream(),
      { ...MR, durable: 'node-ZZ', filterSubject: 'bn.deliver.ZZ' },
      { waitMs: 300, logger, stopped: () => false },
    );
    await expect(binding).rejects.toBeInstanceOf(ConsumerNotProvisionedError);
    await expect(binding).rejects.toMatchObject({
      code: 'consumer-not-provisioned',
      message: expect.stringMatching(
        /^consumer BN_DELIVERIES\/node-ZZ is not provisioned for bn\.deliver\.ZZ: .*consumer not found.*waited/,
      ),
    });
  });

  it('refuses a consumer whose filter is not its own subject', async () => {
    await ensureDurableConsumer(jsm, {
      stream: DELIVERIES_STREAM,
      durable: 'node-DK',
      filterSubject: 'bn.deliver.FR',
      ackWaitMs: 30_000,
    });
    const binding = bindProvisionedConsumer(
      jsm.jetstream(),
      { ...MR, durable: 'node-DK', filterSubject: 'bn.deliver.DK' },
      { waitMs: 0, logger, stopped: () => false },
    );
    await expect(binding).rejects.toMatchObject({
      code: 'consumer-not-provisioned',
      message: expect.stringContaining('it filters bn.deliver.FR'),
    });
  });
});
