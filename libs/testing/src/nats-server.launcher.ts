import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortRun } from './free-port';
import { spawnNatsServer } from './nats-server.process';

export interface NatsServerOptions {
  /** JetStream store directory; a fresh temporary one when absent (removed on stop). */
  storeDir?: string;
  port?: number;
  /** Extra configuration file (accounts, permissions). */
  configFile?: string;
  /** Server certificate and key: then every client must speak TLS (the URL stays nats://). */
  tls?: { certFile: string; keyFile: string };
}

export interface RunningNatsServer {
  readonly url: string;
  readonly port: number;
  readonly storeDir: string;
  /** The running server's process id (it changes on restart), for a pid file or a reload signal. */
  readonly pid: number | undefined;
  /** Stops gracefully; the store survives when `keepStore` is set. */
  stop(options?: { keepStore?: boolean }): Promise<void>;
  /** SIGKILL, as a crash would: the store is left as it is. */
  kill(): Promise<void>;
  /** Starts again on the same port and store (after kill or stop with keepStore). */
  restart(): Promise<void>;
}

/** Starts a real nats-server with JetStream on a free loopback port and waits for its ready line. */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<RunningNatsServer> {
  const port = options.port ?? (await freePortRun(1));
  const ownStore = !options.storeDir;
  const storeDir = options.storeDir ?? mkdtempSync(join(tmpdir(), 'bureaunet-nats-'));
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
  if (options.configFile) args.push('-c', options.configFile);
  if (options.tls) args.push('--tls', '--tlscert', options.tls.certFile, '--tlskey', options.tls.keyFile);

  const server = await spawnNatsServer(args);

  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    get pid() {
      return server.pid;
    },
    async stop(stopOptions = {}) {
      await server.stop();
      if (ownStore && !stopOptions.keepStore) rmSync(storeDir, { recursive: true, force: true });
    },
    kill: () => server.kill(),
    restart: () => server.restart(),
  };
}
