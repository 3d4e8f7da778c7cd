import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalNetwork, NodeRole, startLocalNetwork } from './local-network';
import type { LocalWitnessSpec } from './local-witness';
import { ensureLocalTls } from './local-tls';
import { BrokerCredentials, writeNetworkBrokerConfig } from './nats-auth.config';
import { RunningNatsCluster, startNatsCluster } from './nats-cluster.launcher';
import { RunningNatsServer, startNatsServer } from './nats-server.launcher';
import { NodeApiClient } from '@bureaunet/api-clients';
import { createTestPerson, type TestPerson, type TestPersonSpec } from './test-person';

export interface TestNetwork extends LocalNetwork {
  /** The broker: `url` always (every seed on a cluster); killing or restarting it is for a single server only. */
  nats: RunningNatsServer;
  /** The NATS cluster the network runs on (natsCluster, or BUREAUNET_TEST_NATS=cluster). */
  natsCluster?: RunningNatsCluster;
  dataDir: string;
  /** The broker users, when the network runs with broker isolation. */
  brokerCredentials?: ReadonlyMap<string, BrokerCredentials>;
  /** A client of a node's API with that node's token for a role (officer unless named). */
  api(code: string, role?: NodeRole): NodeApiClient;
  /**
   * A person at a service — a node's code, 'registry' or 'gateway' — made through its people API with
   * the static admin token, password set through the sign-in link: sign them in with signIn().
   */
  person(service: string, spec: TestPersonSpec): Promise<TestPerson>;
  /** What the services printed last (300 lines unless told), for a failing test's message. */
  output(lastLines?: number): string;
  teardown(): Promise<void>;
}

/** One call to set up a whole network on free ports with temporary stores; one to clean it up. */
export async function startTestNetwork(
  codes: readonly string[],
  extraEnv: Record<string, string> = {},
  options: {
    brokerIsolation?: boolean;
    tls?: boolean;
    witnesses?: readonly LocalWitnessSpec[];
    /** Bureaus given a broker user but no node process: a benchmark's in-process fleet enrols and runs them. */
    bureausWithoutNode?: readonly string[];
    /** PostgreSQL databases for some services (LocalNetworkOptions.databaseUrls). */
    databaseUrls?: Readonly<Record<string, string>>;
    /** Servers of a NATS cluster to run on, streams at that many replicas; BUREAUNET_TEST_NATS=cluster makes it 3. */
    natsCluster?: number;
  } = {},
): Promise<TestNetwork> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-e2e-'));
  const configFile = join(dataDir, 'nats-auth.conf');
  const brokerCredentials = options.brokerIsolation
    ? writeNetworkBrokerConfig(configFile, [...codes, ...(options.bureausWithoutNode ?? [])])
    : undefined;
  // Plain by default for speed; with tls, NATS and every HTTP listener take TLS only.
  const tls = options.tls ? await ensureLocalTls(join(dataDir, 'tls')) : undefined;
  const clusterSize = options.natsCluster ?? (process.env.BUREAUNET_TEST_NATS === 'cluster' ? 3 : undefined);
  const brokerOptions = { ...(brokerCredentials ? { configFile } : {}), ...(tls ? { tls } : {}) };
  const natsCluster = clusterSize ? await startNatsCluster({ size: clusterSize, ...brokerOptions }) : undefined;
  const nats = natsCluster ? clusterAsTheBroker(natsCluster) : await startNatsServer(brokerOptions);
  const stopNats = () => (natsCluster ? natsCluster.stop() : nats.stop());
  const replicasEnv: Record<string, string> = clusterSize ? { NATS_REPLICAS: String(clusterSize) } : {};
  const lines: string[] = [];
  try {
    const network = await startLocalNetwork({
      natsUrl: nats.url,
      dataDir,
      codes,
      // Quiet unless a test asks (LOG_LEVEL in extraEnv, or in the environment): warnings and errors
      // still reach output() for a failure's message, and the ready line is printed whatever the level.
      extraEnv: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...replicasEnv, ...extraEnv },
      brokerCredentials,
      tls,
      witnesses: options.witnesses,
      databaseUrls: options.databaseUrls,
      onLine: (line) => lines.push(line),
    });
    return {
      ...network,
      nats,
      natsCluster,
      dataDir,
      brokerCredentials,
      api: (code, role = 'officer') =>
        new NodeApiClient(network.node(code).url, network.nodeTokens.get(code)?.[role], network.ca),
      person: (service, spec) => {
        const [url, adminToken] =
          service === 'registry'
            ? [network.registry.url, network.adminToken]
            : service === 'gateway'
              ? [network.gateway.url, network.gatewayTokens.admin]
              : [network.node(service).url, network.nodeTokens.get(service)!.admin];
        return createTestPerson(url, adminToken, spec, network.ca);
      },
      output: (lastLines = 300) => lines.slice(-lastLines).join('\n'),
      async teardown() {
        await network.stop();
        await stopNats();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopNats();
    process.stderr.write(lines.slice(-100).join('\n'));
    throw error;
  }
}

/**
 * `network.nats` on a cluster: its url is every seed; what acts on one server (kill, restart, its
 * port or store) has no single meaning there, so it fails naming why instead of doing something else.
 */
function clusterAsTheBroker(cluster: RunningNatsCluster): RunningNatsServer {
  const refuse = (what: string): never => {
    throw new Error(
      `this test ${what} the network's one nats-server, but the network runs on a ${cluster.servers.length}-node NATS cluster ` +
        '(BUREAUNET_TEST_NATS=cluster or the natsCluster option): act on network.natsCluster.servers[i] instead',
    );
  };
  return {
    url: cluster.url,
    get port(): number {
      return refuse('needs the port of');
    },
    get storeDir(): string {
      return refuse('needs the store of');
    },
    get pid(): number | undefined {
      return refuse('needs the pid of');
    },
    stop: () => Promise.resolve().then(() => refuse('stops')),
    kill: () => Promise.resolve().then(() => refuse('kills')),
    restart: () => Promise.resolve().then(() => refuse('restarts')),
  };
}
