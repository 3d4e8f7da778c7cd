import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortRun } from './free-port';
import { findNatsServerBinary } from './nats-server.binary';

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

const READY_LINE = /Server is ready/;

/** Starts a real nats-server with JetStream on a free loopback port and waits for its ready line. */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<RunningNatsServer> {
  const binary = findNatsServerBinary();
  const port = options.port ?? (await freePortRun(1));
  const ownStore = !options.storeDir;
  const storeDir = options.storeDir ?? mkdtempSync(join(tmpdir(), 'bureaunet-nats-'));
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
  if (options.configFile) args.push('-c', options.configFile);
  if (options.tls) args.push('--tls', '--tlscert', options.tls.certFile, '--tlskey', options.tls.keyFile);

  let child: ChildProcess = await launch(binary, args);
  const waitExit = (proc: ChildProcess) =>
    new Promise<void>((resolve) =>
      proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve()),
    );

  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    get pid() {
      return child.pid;
    },
    async stop(stopOptions = {}) {
      child.kill('SIGTERM');
      await waitExit(child);
      if (ownStore && !stopOptions.keepStore) rmSync(storeDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await waitExit(child);
    },
    async restart() {
      child = await launch(binary, args);
    },
  };
}

function launch(binary: string, args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (READY_LINE.test(output)) {
        child.stderr?.off('data', onData);
        child.stdout?.off('data', onData);
        child.stderr?.resume();
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`nats-server exited with ${code} before it was ready:\n${output}`)));
  });
}
