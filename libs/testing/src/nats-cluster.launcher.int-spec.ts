import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startNatsCluster, type RunningNatsCluster } from './nats-cluster.launcher';
import { ensureLocalTls } from './local-tls';
import { writeNetworkBrokerConfig } from './nats-auth.config';
import { waitFor } from './wait-for';

describe('startNatsCluster', () => {
  let cluster: RunningNatsCluster;

  afterEach(async () => {
    await cluster?.stop();
  });

  it('starts three servers ready to hold an R3 stream, and the stream keeps its messages through a kill -9 of its leader', async () => {
    cluster = await startNatsCluster({ size: 3 });
    expect(cluster.url.split(',')).toHaveLength(3);
    const nc = await connect({ servers: cluster.url.split(','), maxReconnectAttempts: -1 });
    try {
      const jsm = await jetstreamManager(nc);
      const stream = await jsm.streams.add({ name: 'CLUSTER_PROBE', subjects: ['probe.>'], num_replicas: 3 });
      expect(stream.cluster?.replicas).toHaveLength(2);
      const js = jsm.jetstream();
      for (let i = 0; i < 10; i++) await js.publish('probe.one', `message ${i}`);

      const leader = cluster.server(stream.cluster!.leader!);
      await leader.kill();
      // Requests time out while the other two elect a new leader.
      const info = await waitFor(
        async () => {
          const current = await jsm.streams.info('CLUSTER_PROBE');
          return current.cluster?.leader && current.cluster.leader !== leader.name ? current : undefined;
        },
        { what: 'a new leader of CLUSTER_PROBE' },
      );
      expect(info.state.messages).toBe(10);
      await js.publish('probe.one', 'after the kill');

      await leader.restart();
      expect((await jsm.streams.info('CLUSTER_PROBE')).state.messages).toBe(11);
    } finally {
      await nc.close();
    }
  });

  it('gives every server the broker users of the network configuration, with JetStream for them on every server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bureaunet-cluster-auth-'));
    try {
      const credentials = writeNetworkBrokerConfig(join(dir, 'nats-auth.conf'), ['FR']);
      cluster = await startNatsCluster({ configFile: join(dir, 'nats-auth.conf') });
      const gateway = credentials.get('gateway')!;
      for (const server of cluster.servers) {
        const nc = await connect({
          servers: server.url,
          user: gateway.user,
          pass: gateway.password,
          inboxPrefix: gateway.inboxPrefix,
        });
        try {
          const jsm = await jetstreamManager(nc);
          expect((await jsm.getAccountInfo()).api.errors).toBe(0);
        } finally {
          await nc.close();
        }
      }
      await expect(connect({ servers: cluster.servers[0].url, user: 'nobody', pass: 'wrong' })).rejects.toThrow(
        /Authorization Violation/i,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops taking JetStream publishes with two of three servers down, and takes them again, nothing lost, once one is back', async () => {
    cluster = await startNatsCluster({ size: 3 });
    const [, second, third] = cluster.servers;
    const nc = await connect({ servers: cluster.url.split(','), maxReconnectAttempts: -1 });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'MAJORITY_PROBE', subjects: ['majority.>'], num_replicas: 3 });
      const js = jsm.jetstream();
      await js.publish('majority.one', 'before', { msgID: 'before' });

      await second.kill();
      await third.kill();
      await expect(js.publish('majority.one', 'without a majority', { timeout: 2_000 })).rejects.toThrow();

      await second.restart();
      const ack = await waitFor(
        () => js.publish('majority.one', 'after', { msgID: 'after', timeout: 2_000 }).catch(() => undefined),
        { what: 'a publish taken again with two of three servers up' },
      );
      expect(ack.duplicate).toBe(false);
      // The publish that timed out may or may not have been stored; the acked ones are there.
      const first = await jsm.streams.getMessage('MAJORITY_PROBE', { seq: 1 });
      const last = await jsm.streams.getMessage('MAJORITY_PROBE', { last_by_subj: 'majority.one' });
      expect([first?.string(), last?.string()]).toEqual(['before', 'after']);
    } finally {
      await nc.close();
    }
  });

  it('takes TLS only on every server when given a certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bureaunet-cluster-tls-'));
    try {
      const tls = await ensureLocalTls(dir);
      cluster = await startNatsCluster({ tls });
      for (const server of cluster.servers) {
        const nc = await connect({ servers: server.url, tls: { caFile: tls.caFile } });
        expect(nc.info?.tls_required).toBe(true);
        await nc.close();
      }
      await expect(connect({ servers: cluster.servers[0].url, tls: null })).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
