import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseReadyLine, SHUTDOWN_DEADLINE_MS } from '@bureaunet/platform/launch';
import { repoRoot } from './repo-root';

const STOP_BOUND_MS = SHUTDOWN_DEADLINE_MS + 10_000;

export type ServiceApp = 'registry' | 'gateway' | 'evaluator' | 'node' | 'witness';

export interface ServiceProcessOptions {
  /** Label used in logs, e.g. "node MR". */
  name: string;
  app: ServiceApp;
  env: Record<string, string>;
  /** Receives every output line, prefixed; the launcher prints them, tests keep them for failures. */
  onLine?: (line: string) => void;
}

export interface ServiceProcess {
  readonly name: string;
  readonly url: string;
  /** The running process's id (a new one after a restart): benchmarks read its CPU time from /proc. */
  readonly pid: number;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts the same app again and waits until it is ready; `env` changes variables from now on. */
  restart(env?: Record<string, string>): Promise<void>;
  /** The last lines the process printed, for failure messages. */
  recentOutput(): string;
}

/** Runs one built service (dist/) as its own process and resolves once it prints its ready line. */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const script = join(repoRoot(), 'dist', 'services', `${options.app}.js`);
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 200) recent.shift();
    options.onLine?.(`[${options.name}] ${line}`);
  };
  let child: ChildProcess;
  let url = '';
  let env = options.env;
  const launch = async (changes: Record<string, string> = {}) => {
    env = { ...env, ...changes };
    const started = await launch1(script, env, remember);
    child = started.child;
    url = started.url;
  };
  await launch();
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
  return {
    name: options.name,
    get url() {
      return url;
    },
    get pid() {
      return child.pid ?? -1;
    },
    async stop() {
      child.kill('SIGTERM');
      // The service exits by itself past its shutdown deadline; this only covers one hung in a loop.
      const hung = setTimeout(() => {
        remember(`did not exit ${STOP_BOUND_MS} ms after SIGTERM: killed`);
        child.kill('SIGKILL');
      }, STOP_BOUND_MS);
      await exited();
      clearTimeout(hung);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    restart: launch,
    recentOutput: () => recent.join('\n'),
  };
}

function launch1(
  script: string,
  env: Record<string, string>,
  onLine: (line: string) => void,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // e.g. BUREAUNET_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile every service.
    const nodeArgs = (process.env.BUREAUNET_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const watch = (stream: NodeJS.ReadableStream | null) =>
      stream &&
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        onLine(line);
        const ready = parseReadyLine(line);
        if (ready) resolve({ child, url: ready.url });
      });
    watch(child.stdout);
    watch(child.stderr);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready:\n${lines.slice(-30).join('\n')}`)),
    );
  });
}
