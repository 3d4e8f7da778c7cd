import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePortRun } from './free-port';
import { repoRoot } from './repo-root';
import { waitFor } from './wait-for';

/** `npm start`'s launcher (dist/scripts/start-network.js) as its own process, the way a person runs it. */
export interface NetworkLauncher {
  readonly pid: number;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first printed line matching; rejects as soon as the launcher exits without one. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with its exit code (null after a signal) once it has exited. */
  exited(): Promise<number | null>;
  /** SIGTERM, as `kill <pid>` would, then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the launcher with `env` over this process's environment; `cwd` is where relative paths
 * (var/…) of the commands around it point. Stdin is ignored, like a launcher in the background.
 */
export function spawnNetworkLauncher(env: Record<string, string>, cwd = repoRoot()): NetworkLauncher {
  const script = join(repoRoot(), 'dist', 'scripts', 'start-network.js');
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    if (stream) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exit.then((code) => (exitCode = code));
  return {
    pid: child.pid ?? 0,
    output: () => lines.join('\n'),
    async waitForLine(pattern, timeoutMs = 180_000) {
      const found = await waitFor(() => lines.find((line) => pattern.test(line)) ?? (exitCode !== undefined && '\0'), {
        what: `the launcher to print ${pattern}`,
        timeoutMs,
      });
      if (found === '\0')
        throw new Error(`the launcher exited (${exitCode}) before printing ${pattern}:\n${lines.join('\n')}`);
      return found;
    },
    exited: () => exit,
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exit;
    },
  };
}

/** Free ports for a whole network, as the variables `npm start` reads (nodes numbered from NODE_PORT_BASE). */
export async function freeNetworkPorts(nodes: number): Promise<Record<string, string>> {
  const first = await freePortRun(6 + nodes);
  return {
    NATS_PORT: String(first),
    REGISTRY_PORT: String(first + 1),
    GATEWAY_PORT: String(first + 2),
    EVALUATOR_PORT: String(first + 3),
    // Two: the standalone witness and the one a bureau runs.
    WITNESS_PORT_BASE: String(first + 4),
    NODE_PORT_BASE: String(first + 6),
  };
}
