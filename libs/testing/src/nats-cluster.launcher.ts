import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { freePortRun } from './free-port';
import { spawnNatsServer, type NatsServerProcess } from './nats-server.process';
import { waitFor } from './wait-for';

export interface NatsClusterOptions {
  /** Servers in the cluster; default 3 (JetStream needs a majority: 3 survive the loss of one). */
  size?: number;
  /** Accounts, users, a tls block: every server includes this file (it must stay where it is). */
  configFile?: string;
  /** Server certificate and key: then every client must speak TLS. */
  tls?: { certFile: string; keyFile: string };
  /** Each server's store is `<storeRoot>/<name>`, kept on stop; fresh temporary ones (removed on stop) when absent. */
  storeRoot?: string;
  /** First of 3 × size consecutive ports (client ports, route ports, monitoring ports); free ones when absent. */
  firstPort?: number;
}

export interface RunningNatsClusterServer {
  /** server_name: what stream info's `cluster.leader` names. */
  readonly name: string;
  readonly url: string;
  readonly port: number;
  /** Its monitoring endpoint (/jsz, /connz, /healthz). */
  readonly monitorUrl: string;
  readonly storeDir: string;
  readonly pid: number | undefined;
  /** SIGKILL, as a crash would: the store is left as it is. */
  kill(): Promise<void>;
  /** SIGTERM (it leaves the cluster cleanly); the store stays. */
  stop(): Promise<void>;
  /** Starts it again on its ports and store, and waits until it is back in the cluster and current. */
  restart(): Promise<void>;
  /** Starts it again without waiting for it to catch up (see ClusterServer.restart). */
  relaunch(): Promise<void>;
}

export interface RunningNatsCluster {
  /** Every server's client URL, comma-separated, as NATS_URL takes them. */
  readonly url: string;
  readonly servers: readonly RunningNatsClusterServer[];
  /** The server of this server_name (a stream's leader, say). */
  server(name: string): RunningNatsClusterServer;
  /** Stops every server still running; temporary stores go unless `keepStore`. */
  stop(options?: { keepStore?: boolean }): Promise<void>;
}

export const CLUSTER_NAME = 'bureaunet';
const DEFAULT_SIZE = 3;
const READY_TIMEOUT_MS = 60_000;
/** A restarted server catches up on every replicated stream and consumer first: minutes on a loaded machine. */
const CATCH_UP_TIMEOUT_MS = 180_000;

interface ServerPorts {
  client: number;
  route: number;
  monitor: number;
}

/**
 * Starts a JetStream cluster of real nats-servers on loopback and waits until every server is
 * ready and healthy and the JetStream meta group has a leader: streams at replicas `size` can then be made.
 */
export async function startNatsCluster(options: NatsClusterOptions = {}): Promise<RunningNatsCluster> {
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 2 || size > 5)
    throw new Error(`a NATS cluster has 2 to 5 servers, not ${size}`);
  const first = options.firstPort ?? (await freePortRun(3 * size));
  const ports: ServerPorts[] = Array.from({ length: size }, (_, i) => ({
    client: first + i,
    route: first + size + i,
    monitor: first + 2 * size + i,
  }));
  const ownStores = !options.storeRoot;
  const storeRoot = options.storeRoot ?? mkdtempSync(join(tmpdir(), 'bureaunet-nats-cluster-'));
  // Beside the included file: nats-server resolves `include` relative to the including file.
  const configDir = options.configFile ? dirname(options.configFile) : storeRoot;
  const servers: ClusterServer[] = [];
  try {
    for (const [index, own] of ports.entries()) {
      const name = `nats-${index + 1}`;
      const storeDir = join(storeRoot, name);
      mkdirSync(storeDir, { recursive: true });
      const file = join(configDir, `${name}.conf`);
      writeFileSync(file, serverConfig({ name, own, all: ports, storeDir, ...options }), { mode: 0o600 });
      servers.push(new ClusterServer(name, own, storeDir, file));
    }
    // All at once: each waits for its routes before JetStream elects a meta leader.
    await Promise.all(servers.map((server) => server.start()));
    await Promise.all(servers.map((server) => server.untilCurrent(size)));
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    if (ownStores) rmSync(storeRoot, { recursive: true, force: true });
    throw error;
  }
  return {
    url: servers.map((server) => server.url).join(','),
    servers,
    server(name) {
      const found = servers.find((server) => server.name === name);
      if (!found) throw new Error(`no server ${name} in the cluster (${servers.map((s) => s.name).join(', ')})`);
      return found;
    },
    async stop(stopOptions = {}) {
      await Promise.all(servers.map((server) => server.stop()));
      if (ownStores && !stopOptions.keepStore) rmSync(storeRoot, { recursive: true, force: true });
    },
  };
}

function serverConfig(spec: {
  name: string;
  own: ServerPorts;
  all: readonly ServerPorts[];
  storeDir: string;
  configFile?: string;
  tls?: { certFile: string; keyFile: string };
}): string {
  const routes = spec.all.map((ports) => JSON.stringify(`nats-route://127.0.0.1:${ports.route}`));
  const lines = [
    `server_name: ${JSON.stringify(spec.name)}`,
    `listen: "127.0.0.1:${spec.own.client}"`,
    `http: "127.0.0.1:${spec.own.monitor}"`,
    // In the file, not as -js/-sd: a reload (SIGHUP, a new broker user) keeps what the file says.
    `jetstream { store_dir: ${JSON.stringify(spec.storeDir)} }`,
    `cluster {`,
    `  name: ${JSON.stringify(CLUSTER_NAME)}`,
    `  listen: "127.0.0.1:${spec.own.route}"`,
    `  routes: [${routes.join(', ')}]`,
    `}`,
  ];
  if (spec.tls)
    lines.push(
      `tls {`,
      `  cert_file: ${JSON.stringify(spec.tls.certFile)}`,
      `  key_file: ${JSON.stringify(spec.tls.keyFile)}`,
      `}`,
    );
  if (spec.configFile) lines.push(`include ${JSON.stringify(basename(spec.configFile))}`);
  return `${lines.join('\n')}\n`;
}

class ClusterServer implements RunningNatsClusterServer {
  private process: NatsServerProcess | undefined;
  private running = false;

  constructor(
    readonly name: string,
    private readonly ports: ServerPorts,
    readonly storeDir: string,
    private readonly configFile: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.ports.client}`;
  }

  get port(): number {
    return this.ports.client;
  }

  get monitorUrl(): string {
    return `http://127.0.0.1:${this.ports.monitor}`;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  async start(): Promise<void> {
    this.process = await spawnNatsServer(['-c', this.configFile]);
    this.running = true;
  }

  async kill(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.process?.kill();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.process?.stop();
  }

  /**
   * Starts it again and waits until /healthz says it caught up on every stream and consumer. After
   * much consumer churn, nats-server 2.9 (Debian's) can keep /healthz failing on an asset for ever
   * (nats-io/nats-server#4116, fixed in 2.9.17): a test that churns consumers uses relaunch() and
   * waits for what it needs (a stream's replica current).
   */
  async restart(): Promise<void> {
    await this.relaunch();
    await this.untilCurrent(undefined, CATCH_UP_TIMEOUT_MS);
  }

  /** Starts it again without waiting for it to catch up. */
  async relaunch(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is running: kill or stop it before a restart`);
    await this.process?.restart();
    this.running = true;
  }

  /** Healthy (its JetStream assets caught up) and seeing a meta leader; with `size`, of a full-size meta group. */
  async untilCurrent(size?: number, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const monitor = this.monitorUrl;
    await waitFor(
      async () => {
        const health = await fetch(`${monitor}/healthz`);
        // Thrown, not returned: the last one names what is behind when the wait times out.
        if (!health.ok) throw new Error(`/healthz ${health.status}: ${(await health.text()).slice(0, 300)}`);
        const jsz = (await (await fetch(`${monitor}/jsz`)).json()) as JetStreamSummary;
        const meta = jsz.meta_cluster;
        return Boolean(meta?.leader) && (size === undefined || meta?.cluster_size === size);
      },
      { what: `${this.name} to join the JetStream cluster with a meta leader`, timeoutMs },
    );
  }
}

/** The part of nats-server's /jsz this launcher reads. */
interface JetStreamSummary {
  meta_cluster?: { leader?: string; cluster_size?: number };
}
