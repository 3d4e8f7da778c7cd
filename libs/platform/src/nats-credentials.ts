import type { EnvReader } from './env.reader';

export interface NatsCredentials {
  user?: string;
  pass?: string;
  inboxPrefix?: string;
}

/** NATS_USER / NATS_PASSWORD / NATS_INBOX_PREFIX: set when the broker isolates each party. */
export function readNatsCredentials(env: EnvReader): NatsCredentials {
  const user = env.optionalString('NATS_USER');
  if (!user) return {};
  return { user, pass: env.string('NATS_PASSWORD'), inboxPrefix: env.optionalString('NATS_INBOX_PREFIX') };
}
