import { startPostgres, type RunningPostgres } from './postgres.launcher';
import { TEST_POSTGRES_URL } from './test-database';

const RUNNING = Symbol.for('bureaunet.test-postgres');
type Holder = { [RUNNING]?: RunningPostgres };

/**
 * With BUREAUNET_TEST_DATABASE=postgres, the run's own PostgreSQL server (unless TEST_POSTGRES_URL
 * already names one): the workers inherit TEST_POSTGRES_URL and put the services on it.
 */
export async function startTestPostgres(): Promise<void> {
  if (process.env.BUREAUNET_TEST_DATABASE !== 'postgres' || process.env[TEST_POSTGRES_URL]) return;
  const running = await startPostgres();
  (globalThis as Holder)[RUNNING] = running;
  process.env[TEST_POSTGRES_URL] = running.url();
}

export async function stopTestPostgres(): Promise<void> {
  const running = (globalThis as Holder)[RUNNING];
  if (running) await running.stop();
}
