import { jetstreamManager, type ClusterInfo, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DELIVERIES_STREAM, REGISTRY_EVENTS_STREAM, SUBMISSIONS_STREAM } from '@bureaunet/contracts';
import { startNatsCluster, waitFor, type RunningNatsCluster } from '@bureaunet/testing';
import { connectNats, drainConnection } from './nats-connection.provider';
import { ensureDurableConsumer, ensureStreams, reconcileStream, streamConfigs } from './jetstream.topology';

describe('stream replicas on a three-node cluster', () => {
  let cluster: RunningNatsCluster;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    cluster = await startNatsCluster({ size: 3 });
    nc = await connectNats({ servers: cluster.url, name: 'replicas-int-spec' });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await drainConnection(nc);
    await cluster?.stop();
  });

  it('brings streams made at R1 up to R3, and their durable consumers with them', async () => {
    await ensureStreams(jsm);
    await ensureDurableConsumer(jsm, {
      stream: SUBMISSIONS_STREAM,
      durable: 'replicas-probe',
      filterSubject: 'bn.submit.FR',
      ackWaitMs: 30_000,
    });
    expect((await jsm.streams.info(SUBMISSIONS_STREAM)).config.num_replicas).toBe(1);

    const [submissions] = streamConfigs({ replicas: 3 });
    expect((await reconcileStream(jsm, submissions)).outcome).toBe('updated');
    await ensureStreams(jsm, { replicas: 3 });

    // Three copies once the server has moved them: a leader and two current replicas.
    for (const name of [SUBMISSIONS_STREAM, DELIVERIES_STREAM, REGISTRY_EVENTS_STREAM]) {
      const info = await waitFor(
        async () => {
          const current = await jsm.streams.info(name);
          return threeCopies(current.cluster) ? current : undefined;
        },
        { what: `${name} to have three copies` },
      );
      expect(info.config.num_replicas).toBe(3);
    }
    const consumer = await waitFor(
      async () => {
        const info = await jsm.consumers.info(SUBMISSIONS_STREAM, 'replicas-probe');
        return threeCopies(info.cluster) ? info : undefined;
      },
      { what: 'the consumer to follow its stream to three copies' },
    );
    expect(consumer.config.num_replicas ?? 0).toBe(0);
    expect((await reconcileStream(jsm, submissions)).outcome).toBe('unchanged');
  });

  it('refuses a replica count JetStream cannot have, naming it', () => {
    expect(() => streamConfigs({ replicas: 6 })).toThrow('stream replicas must be a whole number from 1 to 5, not 6');
    expect(() => streamConfigs({ replicas: 0 })).toThrow(/not 0/);
  });
});

function threeCopies(cluster: ClusterInfo | undefined): boolean {
  const others = (cluster?.replicas ?? []).filter((peer) => peer.name !== cluster?.leader && peer.current);
  return Boolean(cluster?.leader) && others.length === 2;
}
