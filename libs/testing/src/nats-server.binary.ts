import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const NATS_SERVER_MISSING =
  'nats-server not found: install it (Debian/Ubuntu: sudo apt-get install nats-server; macOS: brew install nats-server) or start the network with docker compose up';

/** Finds nats-server on PATH (or NATS_SERVER_BIN); throws one clear line when it is missing. */
export function findNatsServerBinary(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.NATS_SERVER_BIN;
  const candidates = explicit
    ? [explicit]
    : [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'].map((dir) =>
        join(dir, 'nats-server'),
      );
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  throw new Error(NATS_SERVER_MISSING);
}
