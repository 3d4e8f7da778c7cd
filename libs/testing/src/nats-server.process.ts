import { ChildProcess, spawn } from 'node:child_process';
import { findNatsServerBinary } from './nats-server.binary';

/** One nats-server process, started again with the same arguments after a kill or a stop. */
export interface NatsServerProcess {
  /** The running process's id (it changes on restart). */
  readonly pid: number | undefined;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would, and waits for the exit. */
  kill(): Promise<void>;
  /** Starts it again with the same arguments and waits for its ready line. */
  restart(): Promise<void>;
}

const READY_LINE = /Server is ready/;

/** Spawns nats-server with `args` and resolves once it printed its ready line. */
export async function spawnNatsServer(args: readonly string[]): Promise<NatsServerProcess> {
  const binary = findNatsServerBinary();
  let child = await launch(binary, args);
  return {
    get pid() {
      return child.pid;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      child = await launch(binary, args);
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

function launch(binary: string, args: readonly string[]): Promise<ChildProcess> {
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
