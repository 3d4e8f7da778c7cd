import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortRun } from './free-port';
import { createPostgresDatabase } from './test-database';

export interface RunningPostgres {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** A new empty database on this server; its URL. */
  createDatabase(label: string): Promise<string>;
  /** SIGINT, PostgreSQL's fast shutdown: open transactions roll back, connections are cut. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** Starts again on the same port and data directory. */
  restart(): Promise<void>;
}

const READY_LINE = /database system is ready to accept connections/;

/**
 * A private PostgreSQL server for the tests: a fresh cluster (initdb) in a temporary directory on
 * a free loopback port, owned by the postgres user when the tests run as root (PostgreSQL refuses
 * to run as root). fsync is off: a test kills processes, never the machine.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'bureaunet-pg-'));
  const owner = runAs();
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
    stdio: 'pipe',
    ...(owner ?? {}),
  });
  const port = await freePortRun(1);
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dataDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=64MB',
  ];
  let child = await launch(join(bin, 'postgres'), args, owner);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    createDatabase: (label) => createPostgresDatabase(url(), label),
    async stop(options = {}) {
      await stopChild(child);
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await stopChild(child);
      child = await launch(join(bin, 'postgres'), args, owner);
    },
  };
}

/** Debian's server binaries (package postgresql), the newest version installed. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'postgres')))
    : [];
  if (versions.length === 0)
    throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install -y postgresql');
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return join(root, newest, 'bin');
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

function launch(
  binary: string,
  args: string[],
  owner: { uid: number; gid: number } | undefined,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (READY_LINE.test(output)) {
        child.stderr?.off('data', onData);
        child.stdout?.off('data', onData);
        child.stderr?.resume();
        child.stdout?.resume();
        child.off('exit', onEarlyExit);
        resolve(child);
      }
    };
    const onEarlyExit = (code: number | null) =>
      reject(new Error(`postgres exited with ${code} before it was ready:\n${output}`));
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('error', reject);
    child.once('exit', onEarlyExit);
  });
}
