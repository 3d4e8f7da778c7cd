import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { HttpError, RegistryApiClient } from '@bureaunet/api-clients';
import { GATEWAY_CODE } from '@bureaunet/contracts';
import type { LocalTls } from './local-tls';
import { httpCall } from './http.caller';
import { planWitness, type LocalWitnessSpec, type PlannedWitness } from './local-witness';
import type { BrokerCredentials } from './nats-auth.config';
import { ServiceProcess, startServiceProcess } from './service.process';
import { throwawayPostgresUrl } from './test-database';

/**
 * The services that run on PostgreSQL when the tests do (TEST_POSTGRES_URL set by the global
 * setup under BUREAUNET_TEST_DATABASE=postgres): each gets a throw-away database of its own.
 */
export const SERVICES_ON_POSTGRES: ReadonlySet<string> = new Set<string>(['gateway', 'registry', 'witness', 'node']);

export interface LocalNetworkOptions {
  natsUrl: string;
  /** Each service keeps its state in a folder under here. */
  dataDir: string;
  /** Bureau codes to run a node for, the hub included (e.g. ['XH', 'MR', 'DK', 'FR']). */
  codes: readonly string[];
  /** Fixed ports for people; 0 (any free port) for tests. */
  ports?: { registry: number; gateway: number; evaluator: number; firstNode: number };
  adminToken?: string;
  /** Bearer tokens of the gateway's ledger API; random when absent. */
  gatewayTokens?: GatewayTokens;
  extraEnv?: Record<string, string>;
  onLine?: (line: string) => void;
  /** Per-party broker users (writeNatsAuthConfig), when the nats-server isolates each party. */
  brokerCredentials?: ReadonlyMap<string, BrokerCredentials>;
  /** When set: every service serves HTTPS with this certificate and reaches NATS over TLS trusting this CA… */
  tls?: LocalTls;
  /** …unless natsTls is false (a broker started elsewhere, with its own CA in NATS_TLS_CA). */
  natsTls?: boolean;
  /** Witnesses to run and configure the gateway with (none by default). */
  witnesses?: readonly LocalWitnessSpec[];
  /** DATABASE_URL per service ('registry', 'gateway', 'witness-<name>', 'node-<code>'): PostgreSQL instead of SQLite. */
  databaseUrls?: Readonly<Record<string, string>>;
}

/** A running witness, with the vkey clients trust it by. */
export interface LocalWitness {
  name: string;
  vkey: string;
  process: ServiceProcess;
}

export interface GatewayTokens {
  auditor: string;
  admin: string;
  /** A role the ledger API must refuse (403); only test networks make one. */
  officer?: string;
}

/** Bearer tokens of the registry's API besides the admin token (REGISTRY_ROLE_TOKENS). */
export interface RegistryTokens {
  officer: string;
  auditor: string;
  coordinator: string;
}

/** Bearer tokens of one node's HTTP API, one per role it grants (NODE_ROLE_TOKENS). */
export interface NodeTokens {
  officer: string;
  reviewer: string;
  coordinator: string;
  admin: string;
  'border-officer': string;
}

export type NodeRole = keyof NodeTokens;

export interface LocalNetwork {
  registry: ServiceProcess;
  gateway: ServiceProcess;
  /** The hub's evaluator (the POPRF key): health on HTTP, blind evaluations over NATS. */
  evaluator: ServiceProcess;
  /** The witnesses asked, when the network was started with some. */
  witnesses: LocalWitness[];
  /** The ledger's checkpoint verifier key (LEDGER_ORIGIN's Ed25519 note key); empty without witnesses. */
  ledgerVkey: string;
  nodes: Map<string, ServiceProcess>;
  /** The PostgreSQL database of each service that runs on one, by the names databaseUrls takes. */
  databaseUrls: ReadonlyMap<string, string>;
  adminToken: string;
  /** Bearer tokens for the gateway's ledger API (GATEWAY_ROLE_TOKENS). */
  gatewayTokens: GatewayTokens;
  /** Bearer tokens for the registry's API in roles other than admin (REGISTRY_ROLE_TOKENS). */
  registryTokens: RegistryTokens;
  /** Bearer tokens for each node's HTTP API, by bureau code (NODE_ROLE_TOKENS). */
  nodeTokens: Map<string, NodeTokens>;
  /** The CA (PEM) that HTTPS clients of this network trust, when it runs with TLS. */
  ca?: string;
  node(code: string): ServiceProcess;
  /** Starts a node for a code enrolled afterwards (a one-time token is issued for it). */
  addNode(code: string, port?: number): Promise<ServiceProcess>;
  /**
   * Starts one more gateway beside the first, on its database (PostgreSQL: the gateway must have a
   * DATABASE_URL) with a copy of its data directory (the same identity and ledger keys): the
   * gateways then share the senders' partitions between them.
   */
  addGateway(): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/** The registry, then the gateway and the evaluator, then one node per code at once; each enrols itself with a one-time token. */
export async function startLocalNetwork(options: LocalNetworkOptions): Promise<LocalNetwork> {
  const ports = options.ports ?? { registry: 0, gateway: 0, evaluator: 0, firstNode: 0 };
  const adminToken = options.adminToken ?? randomToken();
  const gatewayTokens = options.gatewayTokens ?? {
    auditor: randomToken(),
    admin: randomToken(),
    officer: randomToken(),
  };
  const registryTokens: RegistryTokens = { officer: randomToken(), auditor: randomToken(), coordinator: randomToken() };
  const common = { NATS_URL: options.natsUrl, ...tlsEnv(options.tls, options.natsTls ?? true), ...options.extraEnv };
  const ca = options.tls?.caPem;
  const broker = (user: string): Record<string, string> => {
    if (!options.brokerCredentials) return {};
    const credentials = options.brokerCredentials.get(user);
    if (!credentials)
      throw new Error(`the broker has no user ${user}: list every party when writing its configuration`);
    return {
      NATS_USER: credentials.user,
      NATS_PASSWORD: credentials.password,
      NATS_INBOX_PREFIX: credentials.inboxPrefix,
    };
  };
  const databaseUrls = new Map<string, string>();
  const database = async (service: string, kind: string): Promise<Record<string, string>> => {
    const url =
      options.databaseUrls?.[service] ??
      (SERVICES_ON_POSTGRES.has(kind) ? await throwawayPostgresUrl(service) : undefined);
    if (!url) return {};
    databaseUrls.set(service, url);
    return { DATABASE_URL: url };
  };
  const started: ServiceProcess[] = [];
  const track = (service: ServiceProcess) => (started.push(service), service);
  try {
    const registry = track(
      await startServiceProcess({
        name: 'registry',
        app: 'registry',
        env: {
          ...common,
          ...broker('registry'),
          ...(await database('registry', 'registry')),
          REGISTRY_PORT: String(ports.registry),
          REGISTRY_DATA_DIR: join(options.dataDir, 'registry'),
          REGISTRY_ADMIN_TOKEN: adminToken,
          REGISTRY_ROLE_TOKENS: roleTokensSpec(registryTokens),
        },
        onLine: options.onLine,
      }),
    );
    const issueToken = (code: string) => issueEnrolmentToken(registry.url, adminToken, code, ca);
    const planned = await Promise.all(
      (options.witnesses ?? []).map((spec) => planWitness(spec, options.dataDir, Boolean(options.tls))),
    );
    // Nodes start once the gateway is up: its URL is known by then, for their evidence exports.
    let gatewayUrl: string | undefined;
    let gatewayEnv: Record<string, string> = {};
    const startGateway = async () => {
      gatewayEnv = {
        ...common,
        ...broker('gateway'),
        ...(await database('gateway', 'gateway')),
        GATEWAY_PORT: String(ports.gateway),
        GATEWAY_DATA_DIR: join(options.dataDir, 'gateway'),
        GATEWAY_ROLE_TOKENS: roleTokensSpec(gatewayTokens),
        ...(planned.length > 0
          ? { LEDGER_WITNESSES: JSON.stringify(planned.map(({ url, vkey }) => ({ url, vkey }))) }
          : {}),
      };
      const gateway = track(
        await startServiceProcess({
          name: 'gateway',
          app: 'gateway',
          env: { ...gatewayEnv, ENROLMENT_TOKEN: await issueToken(GATEWAY_CODE) },
          onLine: options.onLine,
        }),
      );
      gatewayUrl = gateway.url;
      return gateway;
    };
    let gatewaysAdded = 0;
    const addGateway = async () => {
      if (!gatewayEnv.DATABASE_URL)
        throw new Error("a second gateway shares the first one's database: start the gateway on PostgreSQL");
      const name = `gateway-${++gatewaysAdded + 1}`;
      const dataDir = join(options.dataDir, name);
      // The identity, ledger and witness keys, already enrolled: no token, and one ledger key for all.
      cpSync(gatewayEnv.GATEWAY_DATA_DIR, dataDir, { recursive: true });
      return track(
        await startServiceProcess({
          name,
          app: 'gateway',
          env: { ...gatewayEnv, GATEWAY_PORT: '0', GATEWAY_DATA_DIR: dataDir },
          onLine: options.onLine,
        }),
      );
    };
    // Holds no bureau identity and enrols nowhere: its broker user and its seed are all it has.
    const startEvaluator = async () =>
      track(
        await startServiceProcess({
          name: 'evaluator',
          app: 'evaluator',
          env: {
            ...common,
            ...broker('evaluator'),
            EVALUATOR_PORT: String(ports.evaluator),
            EVALUATOR_DATA_DIR: join(options.dataDir, 'evaluator'),
          },
          onLine: options.onLine,
        }),
      );
    const nodeTokens = new Map<string, NodeTokens>();
    const startNode = async (code: string, port: number) => {
      const tokens: NodeTokens = {
        officer: randomToken(),
        reviewer: randomToken(),
        coordinator: randomToken(),
        admin: randomToken(),
        'border-officer': randomToken(),
      };
      nodeTokens.set(code, tokens);
      return track(
        await startServiceProcess({
          name: `node ${code}`,
          app: 'node',
          env: {
            ...common,
            ...broker(`node-${code}`),
            ...(await database(`node-${code}`, 'node')),
            NODE_CODE: code,
            NODE_PORT: String(port),
            NODE_DATA_DIR: join(options.dataDir, `node-${code}`),
            NODE_ROLE_TOKENS: roleTokensSpec(tokens),
            ENROLMENT_TOKEN: await issueToken(code),
            // Evidence exports ask the gateway for the trail and the registry for statements and rule texts.
            ...(gatewayUrl ? { NODE_EVIDENCE_GATEWAY_URL: gatewayUrl } : {}),
            NODE_EVIDENCE_GATEWAY_TOKEN: gatewayTokens.auditor,
            NODE_EVIDENCE_REGISTRY_URL: registry.url,
            NODE_EVIDENCE_REGISTRY_TOKEN: registryTokens.auditor,
          },
          onLine: options.onLine,
        }),
      );
    };
    const nodes = new Map<string, ServiceProcess>();
    // The gateway and the evaluator start together; the nodes once the gateway is up, so a node's
    // first sends find the bureaus enrolled with it in the gateway's directory.
    // allSettled: when one fails, the others still starting are tracked and stopped too.
    const [gatewayOutcome, evaluatorOutcome] = await Promise.allSettled([startGateway(), startEvaluator()]);
    // A witness follows the ledger by the gateway's key, made at its first start: it starts with the nodes.
    const startWitness = async (witness: PlannedWitness, ledgerVkey: string): Promise<LocalWitness> => ({
      name: witness.name,
      vkey: witness.vkey,
      process: track(
        await startServiceProcess({
          name: witness.name,
          app: 'witness',
          env: {
            ...common,
            ...(await database(`witness-${witness.name}`, 'witness')),
            WITNESS_NAME: witness.name,
            WITNESS_PORT: String(witness.port),
            WITNESS_DATA_DIR: witness.dataDir,
            WITNESS_KEY_FILE: witness.keyFile,
            WITNESS_LOGS: ledgerVkey,
          },
          onLine: options.onLine,
        }),
      ),
    });
    const ledgerVkey =
      gatewayOutcome.status === 'fulfilled' && planned.length > 0
        ? await gatewayLedgerVkey(gatewayOutcome.value.url, ca)
        : '';
    const [nodeOutcomes, witnessOutcomes] =
      gatewayOutcome.status === 'fulfilled'
        ? await Promise.all([
            Promise.allSettled(
              options.codes.map((code, index) => startNode(code, ports.firstNode === 0 ? 0 : ports.firstNode + index)),
            ),
            Promise.allSettled(planned.map((witness) => startWitness(witness, ledgerVkey))),
          ])
        : [[], []];
    const failed = [gatewayOutcome, evaluatorOutcome, ...nodeOutcomes, ...witnessOutcomes].find(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    if (failed) throw failed.reason;
    const gateway = (gatewayOutcome as PromiseFulfilledResult<ServiceProcess>).value;
    const evaluator = (evaluatorOutcome as PromiseFulfilledResult<ServiceProcess>).value;
    const witnesses = witnessOutcomes.map((outcome) => (outcome as PromiseFulfilledResult<LocalWitness>).value);
    nodeOutcomes.forEach(
      (outcome, index) => outcome.status === 'fulfilled' && nodes.set(options.codes[index], outcome.value),
    );
    return {
      registry,
      gateway,
      evaluator,
      witnesses,
      ledgerVkey,
      nodes,
      databaseUrls,
      adminToken,
      gatewayTokens,
      registryTokens,
      nodeTokens,
      ca,
      node(code) {
        const node = nodes.get(code);
        if (!node) throw new Error(`no node ${code} in this network`);
        return node;
      },
      async addNode(code, port = 0) {
        const node = await startNode(code, port);
        nodes.set(code, node);
        return node;
      },
      addGateway,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

/** A service's TLS settings: its HTTPS certificate, the CA for NATS, and the CA for its own HTTPS calls. */
function tlsEnv(tls: LocalTls | undefined, natsTls: boolean): Record<string, string> {
  if (!tls) return {};
  return {
    ...(natsTls ? { NATS_TLS_CA: tls.caFile } : {}),
    TLS_CERT_FILE: tls.certFile,
    TLS_KEY_FILE: tls.keyFile,
    NODE_EXTRA_CA_CERTS: tls.caFile,
  };
}

/** The ledger's checkpoint vkey, from the gateway's public health status. */
async function gatewayLedgerVkey(gatewayUrl: string, ca?: string): Promise<string> {
  const answer = await httpCall(`${gatewayUrl}/api/health`, {}, ca);
  if (!answer.ok) throw new Error(`gateway health: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
  return (JSON.parse(answer.text) as { ledger: { vkey: string } }).ledger.vkey;
}

/** "role:token,role:token", as the services read their *_ROLE_TOKENS variables. */
function roleTokensSpec(tokens: object): string {
  return Object.entries(tokens)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([role, token]) => `${role}:${token}`)
    .join(',');
}

/** Hex, so a token never starts with '-' (a command line would take it for an option). */
export function randomToken(): string {
  return randomBytes(24).toString('hex');
}

async function stopAll(services: readonly ServiceProcess[]): Promise<void> {
  // Nodes first, registry last: the others still look things up while they shut down.
  await Promise.all([...services].reverse().map((service) => service.stop()));
}

/** Asks the registry (as administrator) for a one-time enrolment token for a bureau code. */
export async function issueEnrolmentToken(
  registryUrl: string,
  adminToken: string,
  code: string,
  ca?: string,
): Promise<string> {
  try {
    return (await new RegistryApiClient(registryUrl, adminToken, { ca }).issueEnrolmentToken(code)).token;
  } catch (error) {
    if (error instanceof HttpError)
      throw new Error(`enrolment token for ${code}: HTTP ${error.status} ${JSON.stringify(error.body)}`);
    throw error;
  }
}
