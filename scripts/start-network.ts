import { chmodSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import { PRIVATE_UMASK } from '@bureaunet/platform';
import {
  BrokerCredentials,
  LocalNetwork,
  LocalTls,
  ensureLocalTls,
  randomToken,
  RunningNatsServer,
  findNatsServerBinary,
  repoRoot,
  startLocalNetwork,
  startNatsServer,
  writeNetworkBrokerConfig,
} from '@bureaunet/testing';
import { playWorkflowScenario } from './workflow.scenario';

/**
 * `npm start`: nats-server (unless NATS_URL is set), registry, gateway, the hub and a few bureau
 * nodes as separate processes; one line per service, then "network ready". Ctrl-C stops all.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const varDir = join(root, 'var');
  const logDir = join(varDir, 'logs');
  // Tokens, keys, databases and logs of this network are for this user only.
  process.umask(PRIVATE_UMASK);
  mkdirSync(logDir, { recursive: true, mode: 0o700 });
  chmodSync(varDir, 0o700); // also when the folder was there before
  const codes = (process.env.BUREAUNET_CODES ?? `${HUB_CODE},MR,DK,FR`)
    .split(',')
    .map((code) => code.trim().toUpperCase());

  // TLS everywhere unless BUREAUNET_TLS=0: a local CA (var/tls, git-ignored) for NATS and every HTTP listener.
  const tls: LocalTls | undefined =
    process.env.BUREAUNET_TLS === '0' ? undefined : await ensureLocalTls(join(varDir, 'tls'));
  let nats: RunningNatsServer | undefined;
  let natsUrl = process.env.NATS_URL;
  let brokerCredentials: Map<string, BrokerCredentials> | undefined;
  if (!natsUrl) {
    findNatsServerBinary(); // one clear line when it is missing
    // Our own nats-server isolates each party: one user per service, fresh passwords every start.
    const configFile = join(varDir, 'nats-auth.conf');
    brokerCredentials = writeNetworkBrokerConfig(configFile, codes);
    nats = await startNatsServer({
      storeDir: join(varDir, 'nats'),
      port: intEnv('NATS_PORT', 4322),
      configFile,
      ...(tls ? { tls } : {}),
    });
    natsUrl = nats.url;
  }
  console.log(
    `nats ${natsUrl}${brokerCredentials ? ' (one restricted user per service)' : ''}${tls && nats ? ' (TLS only)' : ''}`,
  );

  const adminToken = process.env.REGISTRY_ADMIN_TOKEN ?? randomToken();
  writeFileSync(join(varDir, 'admin-token'), `${adminToken}\n`, { mode: 0o600 });
  chmodSync(join(varDir, 'admin-token'), 0o600); // also when the file was there before
  const gatewayTokens = { auditor: randomToken(), admin: randomToken() };
  writeFileSync(join(varDir, 'auditor-token'), `${gatewayTokens.auditor}\n`, { mode: 0o600 });
  chmodSync(join(varDir, 'auditor-token'), 0o600); // also when the file was there before
  writeFileSync(join(varDir, 'gateway-admin-token'), `${gatewayTokens.admin}\n`, { mode: 0o600 });
  chmodSync(join(varDir, 'gateway-admin-token'), 0o600);
  const logs = new Map<string, NodeJS.WritableStream>();
  const network: LocalNetwork = await startLocalNetwork({
    natsUrl,
    dataDir: varDir,
    codes,
    adminToken,
    gatewayTokens,
    brokerCredentials,
    tls,
    // A NATS_URL given from outside is taken as it is (NATS_TLS_CA from the environment); HTTPS for our listeners either way.
    natsTls: Boolean(nats),
    ports: {
      registry: intEnv('REGISTRY_PORT', 3001),
      gateway: intEnv('GATEWAY_PORT', 3002),
      firstNode: intEnv('NODE_PORT_BASE', 3100),
    },
    onLine: (line) => logTo(logs, logDir, line),
  });
  console.log(`registry ${network.registry.url}`);
  console.log(`gateway ${network.gateway.url}`);
  for (const [code, node] of network.nodes) console.log(`node ${code} ${node.url}`);
  const tokensDir = writeNodeTokens(join(varDir, 'tokens'), network);
  console.log(`logs in ${logDir}, administrator token in ${join(varDir, 'admin-token')}`);
  console.log(`ledger auditor token in ${join(varDir, 'auditor-token')} (npm run audit -- verify --help)`);
  if (tls)
    console.log(
      `HTTPS and NATS over TLS with the local CA ${tls.caFile}: clients trust it with NODE_EXTRA_CA_CERTS=${tls.caFile}`,
    );
  console.log(
    `node API tokens (officer, reviewer, coordinator, admin) in ${join(tokensDir, '<code>.json')} (npm run cli -- --token-file …)`,
  );
  console.log('network ready');
  if (process.env.BUREAUNET_SCENARIO !== '0') {
    // In the background, so Ctrl-C (below) stops everything even mid-scenario.
    void playWorkflowScenario(network, (line) => console.log(line)).catch((error: unknown) => {
      console.log(
        `scenario stopped: ${error instanceof Error ? error.message : String(error)} (the network keeps running)`,
      );
    });
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    await network.stop();
    await nats?.stop({ keepStore: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Each node's bearer tokens by role, readable by this user only: <dir>/<code>.json. */
function writeNodeTokens(dir: string, network: LocalNetwork): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // also when the folder was there before
  for (const [code, tokens] of network.nodeTokens) {
    const file = join(dir, `${code}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ officer: tokens.officer, reviewer: tokens.reviewer, coordinator: tokens.coordinator, admin: tokens.admin }, null, 2)}\n`,
      { mode: 0o600 },
    );
    chmodSync(file, 0o600);
  }
  return dir;
}

function logTo(logs: Map<string, NodeJS.WritableStream>, logDir: string, line: string): void {
  const name = /^\[([^\]]+)\]/.exec(line)?.[1] ?? 'network';
  let stream = logs.get(name);
  if (!stream) {
    stream = createWriteStream(join(logDir, `${name.replace(/\s+/g, '-')}.log`), { flags: 'a' });
    logs.set(name, stream);
  }
  stream.write(`${line}\n`);
}

function intEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
