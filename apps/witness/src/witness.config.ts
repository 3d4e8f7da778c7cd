import { join, resolve } from 'node:path';
import { postgresUrl } from '@bureaunet/persistence';
import { EnvReader } from '@bureaunet/platform';
import { isValidKeyName, type TrustedLog } from '@bureaunet/witness';
import { trustedLogFromKey } from './trusted-log';

export interface WitnessConfig {
  /** HTTP port (WITNESS_PORT); 0 lets the system pick a free one. */
  port: number;
  /** The cosigner's key name, e.g. `witness.dk.bureaunet.local` (WITNESS_NAME): one name per key, for ever. */
  name: string;
  /** Database and, by default, the key (WITNESS_DATA_DIR). */
  dataDir: string;
  /** The PostgreSQL database (DATABASE_URL); unset, the witness keeps witness.sqlite in dataDir. */
  databaseUrl?: string;
  /** PKCS#8 PEM of the Ed25519 cosigning key, made at the first start if missing (WITNESS_KEY_FILE). */
  keyFile: string;
  /** The logs it follows, from their vkeys (WITNESS_LOGS, comma-separated): each origin is its vkey's name. */
  logs: TrustedLog[];
}

export const WITNESS_CONFIG = Symbol('WITNESS_CONFIG');

/** Reads the environment once; one error names every bad variable. */
export function readWitnessConfig(environment: NodeJS.ProcessEnv = process.env): WitnessConfig {
  const env = new EnvReader(environment);
  const dataDir = resolve(env.string('WITNESS_DATA_DIR', { default: join('var', 'witness') }));
  const config = env.done({
    port: env.int('WITNESS_PORT', { default: 3005, min: 0, max: 65_535 }),
    name: env.string('WITNESS_NAME', { default: 'witness.bureaunet.local' }),
    dataDir,
    keyFile: resolve(env.string('WITNESS_KEY_FILE', { default: join(dataDir, 'witness.key') })),
    logs: env.string('WITNESS_LOGS'),
  });
  if (!isValidKeyName(config.name))
    throw new Error(`WITNESS_NAME ${JSON.stringify(config.name)} is not a note key name (no space, no +)`);
  const vkeys = config.logs
    .split(',')
    .map((vkey) => vkey.trim())
    .filter(Boolean);
  if (vkeys.length === 0) throw new Error('WITNESS_LOGS names no log: give the vkey of each log to follow');
  const databaseUrl = postgresUrl(environment.DATABASE_URL);
  return {
    ...config,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    logs: vkeys.map((vkey) => trustedLogFromKey('WITNESS_LOGS', vkey)),
  };
}
