import { EnvReader } from '../env.reader';

/** The bounds readiness is measured against, read once at start (HEALTH_* variables). */
export interface HealthBounds {
  /** HEALTH_PROBE_TIMEOUT_MS: a write probe or a broker call slower than this counts as failed. */
  probeTimeoutMs: number;
  /** HEALTH_MAX_CONSUMER_PENDING: more messages than this waiting on one of the service's consumers is not ready. */
  maxConsumerPending: number;
  /** HEALTH_MIN_CERT_DAYS: fewer whole days than this left on a certificate (or the CA) is not ready; 0 = once expired. */
  minCertificateDays: number;
  /** HEALTH_READY_CACHE_MS: how long one readiness answer serves every caller (0 = each call checks). */
  readyCacheMs: number;
}

export const HEALTH_BOUNDS = Symbol('HEALTH_BOUNDS');

export function readHealthBounds(environment: NodeJS.ProcessEnv = process.env): HealthBounds {
  const env = new EnvReader(environment);
  return env.done({
    probeTimeoutMs: env.int('HEALTH_PROBE_TIMEOUT_MS', { default: 2_000, min: 10, max: 60_000 }),
    maxConsumerPending: env.int('HEALTH_MAX_CONSUMER_PENDING', { default: 10_000, min: 0 }),
    minCertificateDays: env.int('HEALTH_MIN_CERT_DAYS', { default: 0, min: 0, max: 3_650 }),
    readyCacheMs: env.int('HEALTH_READY_CACHE_MS', { default: 1_000, min: 0, max: 60_000 }),
  });
}

export const healthBoundsProvider = { provide: HEALTH_BOUNDS, useFactory: () => readHealthBounds() };
