import type { EnvReader } from './env.reader';

export interface NatsCredentials {
  user?: string;
  pass?: string;
  inboxPrefix?: string;
  /** CA file (PEM) the broker's TLS certificate must chain to (NATS_TLS_CA); then TLS is required. */
  tlsCaFile?: string;
}

/**
 * NATS_USER / NATS_PASSWORD / NATS_INBOX_PREFIX: set when the broker isolates each party.
 * NATS_TLS_CA: set when the broker speaks TLS.
 */
export function readNatsCredentials(env: EnvReader): NatsCredentials {
  const tlsCaFile = env.optionalString('NATS_TLS_CA');
  const tls = tlsCaFile ? { tlsCaFile } : {};
  const user = env.optionalString('NATS_USER');
  if (!user) return tls;
  return { user, pass: env.string('NATS_PASSWORD'), inboxPrefix: env.optionalString('NATS_INBOX_PREFIX'), ...tls };
}
