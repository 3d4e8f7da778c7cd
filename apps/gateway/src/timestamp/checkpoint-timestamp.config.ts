import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import type { EnvReader } from '@bureaunet/platform';

/** Where and how the gateway gets RFC 3161 time-stamps over its checkpoints (off without TSA_URL). */
export interface CheckpointTimestampConfig {
  /** The TSA's HTTP endpoint (TSA_URL): RFC 3161 §3.4 POST of application/timestamp-query. */
  url: string;
  /** PEM of the TSA's CA (read from TSA_CA_FILE): every token is verified against it before it is kept. */
  caPem: string;
  /** The checkpoint origin (LEDGER_ORIGIN): the first line of the note text that is time-stamped. */
  origin: string;
  /** One request's bound (TSA_TIMEOUT_MS)… */
  timeoutMs: number;
  /** …tried this many times per head (TSA_ATTEMPTS), then again at the next round. */
  attempts: number;
  /** How often the latest signed head is checked for a token (TSA_INTERVAL_MS). */
  intervalMs: number;
  /** Health reports the TSA lagging when the latest head has waited longer than this (TSA_MAX_LAG_MS). */
  maxLagMs: number;
}

export const CHECKPOINT_TIMESTAMP_CONFIG = Symbol('CHECKPOINT_TIMESTAMP_CONFIG');

/** Reads the TSA settings into `env`'s problem list; undefined when TSA_URL is not set. */
export function readCheckpointTimestampConfig(env: EnvReader, origin: string): CheckpointTimestampConfig | undefined {
  const url = env.optionalString('TSA_URL');
  if (url === undefined) return undefined;
  const caFile = env.string('TSA_CA_FILE');
  return {
    url: env.string('TSA_URL', { pattern: /^https?:\/\/\S+$/ }),
    caPem: caFile ? readCaFile(caFile) : '',
    origin,
    timeoutMs: env.int('TSA_TIMEOUT_MS', { default: 5_000, min: 100, max: 120_000 }),
    attempts: env.int('TSA_ATTEMPTS', { default: 3, min: 1, max: 10 }),
    intervalMs: env.int('TSA_INTERVAL_MS', { default: 1_000, min: 10, max: 3_600_000 }),
    maxLagMs: env.int('TSA_MAX_LAG_MS', { default: 60_000, min: 1_000 }),
  };
}

function readCaFile(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`TSA_CA_FILE ${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    new X509Certificate(pem);
  } catch {
    throw new Error(`TSA_CA_FILE ${path} is not a PEM certificate`);
  }
  return pem;
}
