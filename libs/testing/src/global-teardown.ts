import { stopTestPostgres } from './postgres.global-setup';

/** Jest global teardown: what the global setup started. */
export default async function globalTeardown(): Promise<void> {
  await stopTestPostgres();
}
