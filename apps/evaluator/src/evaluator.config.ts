import { join, resolve } from 'node:path';
import { BORDER_CHECK_LIMITS } from '@bureaunet/contracts';
import { EnvReader, NatsCredentials, readNatsCredentials } from '@bureaunet/platform/stateless';

export interface EvaluatorConfig {
  /** HTTP port, for health only (EVALUATOR_PORT); 0 lets the system pick a free one. */
  port: number;
  /** One URL or a comma-separated list (NATS_URL). */
  natsUrl: string;
  /** Set when the broker isolates each party (NATS_USER, NATS_PASSWORD, NATS_INBOX_PREFIX, NATS_TLS_CA). */
  nats?: NatsCredentials;
  /** Holds poprf-seed and nothing else (EVALUATOR_DATA_DIR). */
  dataDir: string;
  /** Blinded elements each bureau may have evaluated per second, sustained (EVALUATOR_RATE_PER_SECOND). */
  ratePerSecond: number;
  /** Blinded elements a bureau may have evaluated at once after a quiet spell (EVALUATOR_BURST). */
  burst: number;
  /** How often the counts per bureau are logged (EVALUATOR_ACTIVITY_LOG_MS). */
  activityLogMs: number;
}

export const EVALUATOR_CONFIG = Symbol('EVALUATOR_CONFIG');

/** Reads the environment once; one error names every bad variable. */
export function readEvaluatorConfig(environment: NodeJS.ProcessEnv = process.env): EvaluatorConfig {
  const env = new EnvReader(environment);
  return env.done({
    port: env.int('EVALUATOR_PORT', { default: 3003, min: 0, max: 65_535 }),
    natsUrl: env.string('NATS_URL'),
    nats: readNatsCredentials(env),
    dataDir: resolve(env.string('EVALUATOR_DATA_DIR', { default: join('var', 'evaluator') })),
    ratePerSecond: env.int('EVALUATOR_RATE_PER_SECOND', { default: 200, min: 1, max: 1_000_000 }),
    // At least one full batch, or a batch of the largest size could never be evaluated.
    burst: env.int('EVALUATOR_BURST', { default: 2_000, min: BORDER_CHECK_LIMITS.evaluateBatch, max: 10_000_000 }),
    activityLogMs: env.int('EVALUATOR_ACTIVITY_LOG_MS', { default: 60_000, min: 100, max: 3_600_000 }),
  });
}
