import { appendFileSync, chmodSync, createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HUB_CODE } from '@bureaunet/contracts';
import { PRIVATE_UMASK, parseReadyLine } from '@bureaunet/platform';
import {
  BrokerCredentials,
  LocalNetwork,
  LocalTls,
  LocalTsa,
  ensureLocalTls,
  randomToken,
  RunningNatsCluster,
  RunningNatsServer,
  findNatsServerBinary,
  repoRoot,
  startLocalNetwork,
  startLocalTsa,
  startNatsCluster,
  startNatsServer,
  writeNetworkBrokerConfig,
} from '@bureaunet/testing';
import { createDemoPeople, demoPeopleProblem, demoPeopleTable, writeDemoPeopleFile } from './demo-people';
import { NETWORK_BROKER_FILE, NetworkBroker, brokerTlsBlock } from './network-broker';
import { watchParent } from './parent-death.watch';
import { NetworkPort, reportTakenPorts } from './port-conflict.report';
import { seedDemoGroups } from './demo-groups';
import { playWorkflowScenario } from './workflow.scenario';

interface Settings {
  varDir: string;
  logDir: string;
  codes: string[];
  ports: { nats: number; registry: number; gateway: number; evaluator: number; firstNode: number; witness: number };
  /** Two witnesses: one standalone, one a bureau runs (its name says which). */
  witnesses: { name: string; port: number }[];
  /** BUREAUNET_CLUSTER: servers of our own NATS cluster (streams at that many replicas); one plain server when absent. */
  natsCluster?: number;
}

/** What this start has started so far: exactly what a failure, a signal or a dead parent stops. */
interface Started {
  nats?: RunningNatsServer;
  natsCluster?: RunningNatsCluster;
  network?: LocalNetwork;
  tsa?: LocalTsa;
}

/**
 * `npm start`: nats-server (unless NATS_URL is set), registry, gateway, evaluator, two ledger witnesses,
 * the hub and a few bureau nodes as separate processes; one line per service as it becomes ready, then "network ready".
 * Ctrl-C, a SIGTERM or the death of the npm process stops all; so does a failed start.
 */
function main(): void {
  const settings = readSettings();
  const started: Started = {};
  let stopping = false;
  const starting = startNetwork(settings, started);
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`stopping (${why})…`);
    await starting.catch(() => undefined); // a start under way finishes or fails first, then all of it stops
    await stopStarted(started, settings.varDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('interrupted'));
  process.on('SIGTERM', () => void shutdown('terminated'));
  watchParent(() => void shutdown('the process that ran npm start is gone'));
  starting.catch(async (error: unknown) => {
    if (stopping) return;
    stopping = true;
    await stopStarted(started, settings.varDir);
    const conflicts = await reportTakenPorts(networkPorts(settings, !process.env.NATS_URL));
    console.error(`npm start failed: ${firstLine(error)}`);
    for (const conflict of conflicts) console.error(conflict);
    if (conflicts.length === 0) console.error(error instanceof Error ? error.message : String(error));
    console.error(`everything this start had started is stopped; service logs in ${settings.logDir}`);
    process.exit(1);
  });
}

function readSettings(): Settings {
  // BUREAUNET_VAR_DIR: another state folder, e.g. for a second network beside this one.
  const varDir = resolve(process.env.BUREAUNET_VAR_DIR ?? join(repoRoot(), 'var'));
  const logDir = join(varDir, 'logs');
  // Tokens, keys, databases and logs of this network are for this user only.
  process.umask(PRIVATE_UMASK);
  mkdirSync(logDir, { recursive: true, mode: 0o700 });
  chmodSync(varDir, 0o700); // also when the folder was there before
  const codes = (process.env.BUREAUNET_CODES ?? `${HUB_CODE},MR,DK,FR`)
    .split(',')
    .map((code) => code.trim().toUpperCase());
  const ports = {
    nats: intEnv('NATS_PORT', 4322),
    registry: intEnv('REGISTRY_PORT', 3001),
    gateway: intEnv('GATEWAY_PORT', 3002),
    evaluator: intEnv('EVALUATOR_PORT', 3003),
    firstNode: intEnv('NODE_PORT_BASE', 3100),
    witness: intEnv('WITNESS_PORT_BASE', 3005),
  };
  // DK's, as in the guides, or else the first bureau's.
  const operator = (codes.includes('DK') ? 'DK' : (codes.find((code) => code !== HUB_CODE) ?? HUB_CODE)).toLowerCase();
  const witnesses = [
    { name: 'witness.bureaunet.local', port: ports.witness },
    { name: `witness.${operator}.bureaunet.local`, port: ports.witness === 0 ? 0 : ports.witness + 1 },
  ];
  return { varDir, logDir, codes, ports, witnesses, natsCluster: clusterSize(process.env.BUREAUNET_CLUSTER) };
}

/** 3 to 5 servers: JetStream needs a majority, so fewer than 3 would not survive losing one. */
function clusterSize(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 3 || size > 5)
    throw new Error(`BUREAUNET_CLUSTER must be the number of NATS servers, 3 to 5, not "${value}"`);
  return size;
}

async function startNetwork(settings: Settings, started: Started): Promise<void> {
  const { varDir, logDir, codes, ports } = settings;
  // TLS everywhere unless BUREAUNET_TLS=0: a local CA (var/tls, git-ignored) for NATS and every HTTP listener.
  const tls: LocalTls | undefined =
    process.env.BUREAUNET_TLS === '0' ? undefined : await ensureLocalTls(join(varDir, 'tls'));
  let natsUrl = process.env.NATS_URL;
  let brokerCredentials: Map<string, BrokerCredentials> | undefined;
  if (!natsUrl) {
    findNatsServerBinary(); // one clear line when it is missing
    // Our own nats-server isolates each party: one user per service, fresh passwords every start.
    const configFile = join(varDir, 'nats-auth.conf');
    brokerCredentials = writeNetworkBrokerConfig(configFile, codes);
    if (tls) appendFileSync(configFile, brokerTlsBlock(tls)); // in the file, not as --tls: see network-broker.ts
    const broker = settings.natsCluster
      ? await startOwnNatsCluster(settings, settings.natsCluster, configFile, started)
      : await startOwnNatsServer(settings, configFile, started);
    // For `npm run broker-user`, which adds a bureau's user, makes the servers reload and tells the node where they are.
    writeFileSync(join(varDir, NETWORK_BROKER_FILE), `${JSON.stringify({ ...broker, tlsCaFile: tls?.caFile })}\n`);
    natsUrl = broker.url;
  }
  const ownNats = Boolean(started.nats ?? started.natsCluster);
  console.log(
    `nats ${natsUrl}${brokerCredentials ? ' (one restricted user per service)' : ''}${tls && ownNats ? ' (TLS only)' : ''}`,
  );
  // Every service that keeps streams keeps them at as many replicas as there are servers.
  const replicasEnv: Record<string, string> = settings.natsCluster
    ? { NATS_REPLICAS: String(settings.natsCluster) }
    : {};
  const adminToken = process.env.REGISTRY_ADMIN_TOKEN ?? randomToken();
  const gatewayTokens = { auditor: randomToken(), admin: randomToken() };
  writeSecret(join(varDir, 'admin-token'), adminToken);
  writeSecret(join(varDir, 'auditor-token'), gatewayTokens.auditor);
  writeSecret(join(varDir, 'gateway-admin-token'), gatewayTokens.admin);
  console.log(`starting registry, gateway, evaluator and nodes ${codes.join(', ')} (logs in ${logDir})…`);
  const logs = new Map<string, NodeJS.WritableStream>();
  // Trusted time for the ledger's checkpoints: a local RFC 3161 TSA (var/tsa) unless TSA_URL names one.
  if (!process.env.TSA_URL) {
    started.tsa = await startLocalTsa({ dir: join(varDir, 'tsa') });
    console.log(`RFC 3161 TSA ${started.tsa.url} (its CA: ${started.tsa.caPath})`);
  }
  const tsaEnv: Record<string, string> = started.tsa
    ? { TSA_URL: started.tsa.url, TSA_CA_FILE: started.tsa.caPath }
    : {};
  started.network = await startLocalNetwork({
    natsUrl,
    dataDir: varDir,
    codes,
    adminToken,
    gatewayTokens,
    brokerCredentials,
    tls,
    // A NATS_URL given from outside is taken as it is (NATS_TLS_CA from the environment); HTTPS for our listeners either way.
    natsTls: ownNats,
    ports: {
      registry: ports.registry,
      gateway: ports.gateway,
      evaluator: ports.evaluator,
      firstNode: ports.firstNode,
    },
    witnesses: settings.witnesses.map(({ name, port }) => ({ name, ...(port === 0 ? {} : { port }) })),
    // Log files for people (the ops helper's LOG_FORMAT); a LOG_FORMAT of one's own wins.
    extraEnv: { LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty', ...tsaEnv, ...replicasEnv },
    onLine: (line) => {
      announceReady(line);
      logTo(logs, logDir, line);
    },
  });
  await seedDemoGroups(started.network, codes).then(
    (groups) => groups.length > 0 && console.log(`country groups for \`to\`: ${groups.join('; ')}`),
    (error: unknown) => console.log(`country groups not seeded: ${firstLine(error)}`),
  );
  const signIn = await demoPeople(settings, started.network);
  printWhereThingsAre(settings, started.network, tls, signIn);
  if (process.env.BUREAUNET_SCENARIO !== '0') {
    // In the background, so Ctrl-C stops everything even mid-scenario.
    void playWorkflowScenario(started.network, (line) => console.log(line)).catch((error: unknown) => {
      console.log(`scenario stopped: ${firstLine(error)} (the network keeps running)`);
    });
  }
}

async function startOwnNatsServer(settings: Settings, configFile: string, started: Started): Promise<NetworkBroker> {
  console.log(`starting nats-server on port ${settings.ports.nats}…`);
  started.nats = await startNatsServer({
    storeDir: join(settings.varDir, 'nats'),
    port: settings.ports.nats,
    configFile,
  });
  return { pid: started.nats.pid ?? 0, url: started.nats.url, storeDir: started.nats.storeDir };
}

/** Client ports from NATS_PORT on, then the route ports, then the monitoring ports; one store each under <var>/nats-cluster. */
async function startOwnNatsCluster(
  settings: Settings,
  size: number,
  configFile: string,
  started: Started,
): Promise<NetworkBroker> {
  const storeRoot = join(settings.varDir, 'nats-cluster');
  const last = settings.ports.nats + 3 * size - 1;
  console.log(`starting a cluster of ${size} nats-servers on ports ${settings.ports.nats}–${last}…`);
  started.natsCluster = await startNatsCluster({ size, configFile, storeRoot, firstPort: settings.ports.nats });
  const { servers, url } = started.natsCluster;
  console.log(`NATS cluster seeds (NATS_URL): ${url}; streams and consumers at ${size} replicas`);
  const pids = servers.map((server) => server.pid ?? 0);
  return { pid: pids[0], url, storeDir: storeRoot, clusterPids: pids };
}

/**
 * The demo people of every service (BUREAUNET_DEMO_PEOPLE=0 skips them): how to sign in, as lines to
 * print last, also written to var/demo-people.tsv (0600). A failure is said, not fatal: the network runs.
 */
async function demoPeople(settings: Settings, network: LocalNetwork): Promise<string[]> {
  if (process.env.BUREAUNET_DEMO_PEOPLE === '0') return [];
  const file = join(settings.varDir, 'demo-people.tsv');
  try {
    const people = await createDemoPeople(network, settings.codes, file);
    writeDemoPeopleFile(file, people);
    return [
      'sign in to the consoles (open the URL; CLI: bureaunet login --url <url> --username <user>):',
      ...demoPeopleTable(people).split('\n'),
      `(also in ${file}, readable by you only)`,
    ];
  } catch (error) {
    return [`demo people not created: ${demoPeopleProblem(error)} (static role tokens still work)`];
  }
}

function printWhereThingsAre(
  settings: Settings,
  network: LocalNetwork,
  tls: LocalTls | undefined,
  signIn: readonly string[],
): void {
  const { varDir, logDir } = settings;
  const tokensDir = writeNodeTokens(join(varDir, 'tokens'), network);
  console.log(`logs in ${logDir}, administrator token in ${join(varDir, 'admin-token')}`);
  console.log(`ledger auditor token in ${join(varDir, 'auditor-token')} (npm run audit -- verify --help)`);
  console.log(`ledger checkpoint key (--log-key): ${network.ledgerVkey}`);
  for (const witness of network.witnesses) console.log(`witness ${witness.process.url} (--witness): ${witness.vkey}`);
  console.log(
    `check the cosigned checkpoint: npm run audit -- checkpoint --gateway ${network.gateway.url} --log-key ${network.ledgerVkey} ${network.witnesses.map((w) => `--witness ${w.vkey}`).join(' ')}`,
  );
  if (tls)
    console.log(
      `HTTPS and NATS over TLS with the local CA ${tls.caFile}: clients trust it with NODE_EXTRA_CA_CERTS=${tls.caFile}`,
    );
  console.log(
    `node API tokens (officer, reviewer, coordinator, admin, border-officer) in ${join(tokensDir, '<code>.json')} (npm run cli -- --token-file …)`,
  );
  for (const line of signIn) console.log(line);
  console.log('network ready');
}

/** "registry https://127.0.0.1:3001" as soon as a service prints its ready line. */
function announceReady(line: string): void {
  const output = /^\[[^\]]+\] (.*)$/.exec(line)?.[1];
  if (!output) return;
  try {
    const ready = parseReadyLine(output);
    if (ready) console.log(`${ready.service} ${ready.url}`);
  } catch {
    // not a ready line after all
  }
}

async function stopStarted(started: Started, varDir: string): Promise<void> {
  await started.network?.stop();
  await started.tsa?.stop();
  if (!started.nats && !started.natsCluster) return;
  await started.nats?.stop({ keepStore: true });
  await started.natsCluster?.stop({ keepStore: true });
  rmSync(join(varDir, NETWORK_BROKER_FILE), { force: true });
}

/** Every port this start listens on, with the variable that moves it. */
function networkPorts(settings: Settings, ownNats: boolean): NetworkPort[] {
  const { ports, codes } = settings;
  return [
    ...(ownNats ? natsPorts(settings) : []),
    { port: ports.registry, service: 'registry', variable: 'REGISTRY_PORT' },
    { port: ports.gateway, service: 'gateway', variable: 'GATEWAY_PORT' },
    { port: ports.evaluator, service: 'evaluator', variable: 'EVALUATOR_PORT' },
    ...settings.witnesses.map(({ name, port }) => ({ port, service: name, variable: 'WITNESS_PORT_BASE' })),
    ...codes.map((code, index) => ({
      port: ports.firstNode === 0 ? 0 : ports.firstNode + index,
      service: `node ${code}`,
      variable: 'NODE_PORT_BASE',
    })),
  ];
}

function natsPorts(settings: Settings): NetworkPort[] {
  const count = settings.natsCluster ? 3 * settings.natsCluster : 1;
  return Array.from({ length: count }, (_, index) => ({
    port: settings.ports.nats + index,
    service: settings.natsCluster ? 'NATS cluster' : 'nats-server',
    variable: 'NATS_PORT',
  }));
}

/** Each node's bearer tokens by role, readable by this user only: <dir>/<code>.json. */
function writeNodeTokens(dir: string, network: LocalNetwork): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // also when the folder was there before
  for (const [code, tokens] of network.nodeTokens) {
    writeSecret(join(dir, `${code}.json`), JSON.stringify(tokens, null, 2));
  }
  return dir;
}

function writeSecret(file: string, text: string): void {
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // also when the file was there before
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

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

function intEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

try {
  main();
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
