import { join, resolve } from 'node:path';
import { postgresUrl } from '@bureaunet/persistence';
import { EnvReader, NatsCredentials, ROLES, RoleTokens, readNatsCredentials } from '@bureaunet/platform';
import { MAX_STREAM_REPLICAS } from '@bureaunet/transport';
import { caFilesIn, type CaFiles } from './pki/ca.repository';

export interface RegistryConfig {
  port: number;
  /** Holds registry.sqlite and, when no CA files are configured, ca.crt and ca.key. */
  dataDir: string;
  /** The PostgreSQL database (DATABASE_URL); unset, the registry keeps registry.sqlite in dataDir. */
  databaseUrl?: string;
  /** One URL or a comma-separated list. */
  natsUrl: string;
  /** Set when the broker isolates each party. */
  nats?: NatsCredentials;
  /** Copies of each stream this service keeps (NATS_REPLICAS, 1..5; 1 when unset): 3 on a three-node NATS cluster. */
  natsReplicas?: number;
  /** Bearer token of the admin endpoints. */
  adminToken: string;
  /** More bearer tokens and their roles, "role:token,role:token" (REGISTRY_ROLE_TOKENS); the admin token is added to them. */
  roleTokens?: string;
  /** Used only when both files exist; otherwise the CA in dataDir, made there if missing. */
  caFiles: CaFiles;
  /** During a CA rotation: the previous CA, still trusted and linking to the new one (CA_PREVIOUS_CERT_FILE + CA_PREVIOUS_KEY_FILE). */
  caPrevious?: CaFiles;
  heartbeatMs: number;
  certValidityDays: number;
  /** How long certificates a renewal replaced stay honoured (CERT_OVERLAP_DAYS; default DEFAULT_CERT_OVERLAP_DAYS, never past their expiry). */
  certOverlapDays?: number;
  /** Ceiling on registry.sqlite (DATABASE_MAX_MB; SQLite only): past it a change answers 503 storage-full instead of filling the disk. */
  databaseMaxMb?: number;
  /** How often the activity log's head goes to the gateway's ledger, when it grew (REGISTRY_ACTIVITY_ANCHOR_MS). */
  activityAnchorMs?: number;
  /** How long a certificate status statement is in force (STATUS_STATEMENT_TTL_MS); re-signed at half of it. */
  statusStatementTtlMs?: number;
  /** How long a signed directory answer is in force (DIRECTORY_TTL_MS): past it nodes and the gateway refuse it. */
  directoryTtlMs?: number;
}

export const DEFAULT_STATUS_STATEMENT_TTL_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_DIRECTORY_TTL_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_CERT_OVERLAP_DAYS = 7;

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

export const REGISTRY_DATABASE_FILE = 'registry.sqlite';

const NATS_URLS = /^(nats|tls|ws|wss):\/\/[^\s,]+(,(nats|tls|ws|wss):\/\/[^\s,]+)*$/;

/** Reads the environment once; one error names every bad variable (and never prints the token). */
export function readRegistryConfig(environment: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const env = new EnvReader(environment);
  const defaultCa = caFilesIn('certs');
  const roleTokens = env.optionalString('REGISTRY_ROLE_TOKENS');
  const config = env.done({
    port: env.int('REGISTRY_PORT', { default: 3001, min: 0, max: 65535 }),
    dataDir: resolve(env.string('REGISTRY_DATA_DIR', { default: join('var', 'registry') })),
    natsUrl: env.string('NATS_URL', { pattern: NATS_URLS }),
    nats: readNatsCredentials(env),
    natsReplicas: env.optionalInt('NATS_REPLICAS', { min: 1, max: MAX_STREAM_REPLICAS }),
    adminToken: env.string('REGISTRY_ADMIN_TOKEN', { minLength: 16 }),
    caFiles: {
      certificate: resolve(env.string('CA_CERT_FILE', { default: defaultCa.certificate })),
      privateKey: resolve(env.string('CA_KEY_FILE', { default: defaultCa.privateKey })),
    },
    ...previousCa(env),
    heartbeatMs: env.int('REGISTRY_HEARTBEAT_MS', { default: 2000, min: 50, max: 3_600_000 }),
    certValidityDays: env.int('CERT_VALIDITY_DAYS', { default: 365, min: 1, max: 3650 }),
    certOverlapDays: env.int('CERT_OVERLAP_DAYS', { default: DEFAULT_CERT_OVERLAP_DAYS, min: 0, max: 365 }),
    databaseMaxMb: env.optionalInt('DATABASE_MAX_MB', { min: 1 }),
    activityAnchorMs: env.int('REGISTRY_ACTIVITY_ANCHOR_MS', { default: 60_000, min: 100, max: 86_400_000 }),
    statusStatementTtlMs: env.int('STATUS_STATEMENT_TTL_MS', {
      default: DEFAULT_STATUS_STATEMENT_TTL_MS,
      min: 60_000,
      max: 30 * DEFAULT_STATUS_STATEMENT_TTL_MS,
    }),
    directoryTtlMs: env.int('DIRECTORY_TTL_MS', {
      default: DEFAULT_DIRECTORY_TTL_MS,
      min: 60_000,
      max: 30 * DEFAULT_DIRECTORY_TTL_MS,
    }),
    ...(roleTokens === undefined ? {} : { roleTokens }),
  });
  registryRoleTokens(config);
  const databaseUrl = postgresUrl(environment.DATABASE_URL);
  return databaseUrl === undefined ? config : { ...config, databaseUrl };
}

function previousCa(env: EnvReader): { caPrevious?: CaFiles } {
  const certificate = env.optionalString('CA_PREVIOUS_CERT_FILE');
  const privateKey = env.optionalString('CA_PREVIOUS_KEY_FILE');
  if (certificate === undefined && privateKey === undefined) return {};
  // Both or neither: the registry needs the previous key to sign the link to the new CA.
  return {
    caPrevious: {
      certificate: resolve(env.string('CA_PREVIOUS_CERT_FILE')),
      privateKey: resolve(env.string('CA_PREVIOUS_KEY_FILE')),
    },
  };
}

/** The bearer tokens of the registry's HTTP API: REGISTRY_ADMIN_TOKEN as admin, plus REGISTRY_ROLE_TOKENS. */
export function registryRoleTokens(config: Pick<RegistryConfig, 'adminToken' | 'roleTokens'>): RoleTokens {
  try {
    return RoleTokens.parse([`admin:${config.adminToken}`, config.roleTokens ?? ''].join(','));
  } catch {
    // Not the parser's message: it quotes the start of the bad part, which may be a token.
    throw new Error(
      `invalid configuration:\n  - REGISTRY_ROLE_TOKENS must be role:token pairs separated by commas, each role one of ${ROLES.join(', ')} and each token at least 16 characters`,
    );
  }
}

export function registryDatabasePath(config: Pick<RegistryConfig, 'dataDir'>): string {
  return join(config.dataDir, REGISTRY_DATABASE_FILE);
}
