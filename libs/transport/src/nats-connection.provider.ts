import { Logger, type FactoryProvider } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const TRANSPORT_OPTIONS = Symbol('TRANSPORT_OPTIONS');

export interface TransportOptions {
  /** One URL or a comma-separated list (a cluster). */
  servers: string;
  /** Shown in the server's connection list: the app and its bureau, e.g. 'gateway' or 'node-FR'. */
  name: string;
  user?: string;
  pass?: string;
  /** Replies come on `<prefix>.…`; under broker isolation each party may read only its own. */
  inboxPrefix?: string;
  /** CA file (PEM): when set, the connection must be TLS and the server's certificate chain to it. */
  tlsCaFile?: string;
}

const DRAIN_TIMEOUT_MS = 5_000;

export async function connectNats(options: TransportOptions): Promise<NatsConnection> {
  const nc = await connect({
    servers: options.servers.split(',').map((server) => server.trim()),
    name: options.name,
    user: options.user,
    pass: options.pass,
    ...(options.inboxPrefix ? { inboxPrefix: options.inboxPrefix } : {}),
    ...(options.tlsCaFile ? { tls: { caFile: options.tlsCaFile } } : {}),
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
    // Otherwise every request and JetStream publish builds an Error with a stack, in case it fails:
    // ~1 s of CPU per 600 messages at a node. A failure still names its subject.
    noAsyncTraces: true,
  });
  logStatusChanges(nc, new Logger(`Nats(${options.name})`));
  return nc;
}

export const natsConnectionProvider: FactoryProvider<Promise<NatsConnection>> = {
  provide: NATS_CONNECTION,
  inject: [TRANSPORT_OPTIONS],
  useFactory: (options: TransportOptions) => connectNats(options),
};

/** Drains (lets in-flight work finish), but closes outright when the server cannot be reached. */
export async function drainConnection(nc: NatsConnection, timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  if (nc.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const drained = nc.isDraining()
    ? nc.closed().then(() => 'drained' as const)
    : nc.drain().then(() => 'drained' as const);
  try {
    const outcome = await Promise.race([drained.catch(() => 'failed' as const), timeout]);
    if (outcome !== 'drained') await nc.close();
  } finally {
    clearTimeout(timer);
  }
}

function logStatusChanges(nc: NatsConnection, logger: Logger): void {
  void (async () => {
    for await (const status of nc.status()) {
      switch (status.type) {
        case 'disconnect':
          logger.warn(`disconnected from ${status.server}`);
          break;
        case 'reconnect':
          logger.log(`reconnected to ${status.server}`);
          break;
        case 'error':
          logger.error(`server error: ${status.error.message}`);
          break;
        case 'slowConsumer':
          logger.error(`slow consumer on ${status.sub.getSubject()}: the server may drop messages`);
          break;
        default:
          break;
      }
    }
  })();
}
