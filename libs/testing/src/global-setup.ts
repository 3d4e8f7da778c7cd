import { findNatsServerBinary } from './nats-server.binary';
import { startTestPostgres } from './postgres.global-setup';

/**
 * Jest global setup: without nats-server, stop at once with one line that says how to get it. Also
 * makes the services a test starts (in process or spawned) log at warn unless LOG_LEVEL says
 * otherwise: the workers inherit this environment.
 */
export default async function requireNatsServer(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  try {
    findNatsServerBinary();
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  await startTestPostgres();
}
