import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalNetwork, NodeRole, startLocalNetwork } from './local-network';
import type { LocalWitnessSpec } from './local-witness';
import { ensureLocalTls } from './local-tls';
import { BrokerCredentials, writeNetworkBrokerConfig } from './nats-auth.config';
import { RunningNatsServer, startNatsServer } from './nats-server.launcher';
import { NodeApiClient } from '@bureaunet/api-clients';
import { createTestPerson, type TestPerson, type TestPersonSpec } from './test-person';

export interface TestNetwork extends LocalNetwork {
  nats: RunningNatsServer;
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
  } = {},
): Promise<TestNetwork> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-e2e-'));
  const configFile = join(dataDir, 'nats-auth.conf');
  const brokerCredentials = options.brokerIsolation
    ? writeNetworkBrokerConfig(configFile, [...codes, ...(options.bureausWithoutNode ?? [])])
    : undefined;
  // Plain by default for speed; with tls, NATS and every HTTP listener take TLS only.
  const tls = options.tls ? await ensureLocalTls(join(dataDir, 'tls')) : undefined;
  const nats = await startNatsServer({ ...(brokerCredentials ? { configFile } : {}), ...(tls ? { tls } : {}) });
  const lines: string[] = [];
  try {
    const network = await startLocalNetwork({
      natsUrl: nats.url,
      dataDir,
      codes,
      // Quiet unless a test asks (LOG_LEVEL in extraEnv, or in the environment): warnings and errors
      // still reach output() for a failure's message, and the ready line is printed whatever the level.
      extraEnv: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...extraEnv },
      brokerCredentials,
      tls,
      witnesses: options.witnesses,
      databaseUrls: options.databaseUrls,
      onLine: (line) => lines.push(line),
    });
    return {
      ...network,
      nats,
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
        await nats.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await nats.stop();
    process.stderr.write(lines.slice(-100).join('\n'));
    throw error;
  }
}
