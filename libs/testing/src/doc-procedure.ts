import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseReadyLine } from '@bureaunet/platform/launch';
import { waitFor } from './wait-for';

/** One shell block of a documented procedure, marked `<!-- doc-test: <name> [background] -->` above its ```sh fence. */
export interface DocBlock {
  procedure: string;
  /** A long-running command (a service): started, waited for until it prints its ready line, stopped at the end. */
  background: boolean;
  script: string;
  /** Where it is, for a failure message. */
  source: string;
}

const MARKER = /^<!-- doc-test: ([a-z0-9-]+)( background)? -->$/;

/** The marked blocks of one procedure, in the order the document gives them. */
export function readDocProcedure(file: string, procedure: string): DocBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  lines.forEach((line, index) => {
    const marker = MARKER.exec(line.trim());
    if (!marker || marker[1] !== procedure) return;
    if (lines[index + 1]?.trim() !== '```sh')
      throw new Error(`${file}:${index + 1}: a doc-test marker must sit right above a \`\`\`sh block`);
    const end = lines.findIndex((candidate, at) => at > index + 1 && candidate.trim() === '```');
    const script = lines
      .slice(index + 2, end)
      .map((text) => text.replace(/^ {3}/, ''))
      .join('\n');
    blocks.push({ procedure, background: Boolean(marker[2]), script, source: `${file}:${index + 3}` });
  });
  if (blocks.length === 0) throw new Error(`${file} has no block marked doc-test: ${procedure}`);
  return blocks;
}

/**
 * Runs documented blocks one after another as a person would in one terminal: each in bash with
 * -e and pipefail, every variable it sets exported to the blocks after it (`set -a`), in `cwd`.
 * `rewrite` adapts what must differ from the document (ports), and nothing else.
 */
export class DocShell {
  private env: NodeJS.ProcessEnv;
  private readonly background: ChildProcess[] = [];

  constructor(
    private readonly cwd: string,
    env: NodeJS.ProcessEnv,
    private readonly rewrite: (script: string) => string = (script) => script,
  ) {
    this.env = env;
  }

  /** The variables the blocks have set so far. */
  variable(name: string): string | undefined {
    return this.env[name];
  }

  /** Every block of a procedure in order: background ones started and awaited, the others run. Their output. */
  async follow(blocks: readonly DocBlock[]): Promise<string> {
    let output = '';
    for (const block of blocks) {
      if (block.background) await this.start(block);
      else output += await this.run(block);
    }
    return output;
  }

  /** Runs a block to its end; rejects with what it printed unless it exits 0. */
  async run(block: DocBlock): Promise<string> {
    const script = `set -a -e -o pipefail\n${this.rewrite(block.script)}\nenv -0 >&3\n`;
    const child = spawn('bash', ['-c', script], {
      cwd: this.cwd,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const chunks: { out: Buffer[]; env: Buffer[] } = { out: [], env: [] };
    child.stdout?.on('data', (chunk: Buffer) => chunks.out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.out.push(chunk));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => chunks.env.push(chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    const output = Buffer.concat(chunks.out).toString('utf8');
    if (code !== 0)
      throw new Error(`${block.source} (${block.procedure}) exited ${code}:\n${block.script}\n--- output:\n${output}`);
    this.env = Object.fromEntries(
      Buffer.concat(chunks.env)
        .toString('utf8')
        .split('\0')
        .filter(Boolean)
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
    return output;
  }

  /** Starts a background block in its own process group and resolves once it prints a ready line. */
  async start(block: DocBlock, timeoutMs = 180_000): Promise<void> {
    const child = spawn('bash', ['-c', `set -a -e\n${this.rewrite(block.script)}`], {
      cwd: this.cwd,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stopping it reaches the service it started
    });
    this.background.push(child);
    const lines: string[] = [];
    let exited = false;
    child.once('exit', () => (exited = true));
    for (const stream of [child.stdout, child.stderr])
      if (stream) createInterface({ input: stream }).on('line', (line) => lines.push(line));
    const ready = await waitFor(() => lines.some((line) => parseReadyLine(line)) || (exited && 'exited'), {
      what: `${block.source} (${block.procedure}) to print its ready line`,
      timeoutMs,
    });
    if (ready === 'exited')
      throw new Error(`${block.source} (${block.procedure}) exited before it was ready:\n${lines.join('\n')}`);
  }

  /** SIGTERM to every background block's process group, then waits until each group is gone. */
  async stop(): Promise<void> {
    for (const child of this.background) {
      const group = -(child.pid ?? 0);
      if (group === 0) continue;
      signal(group, 'SIGTERM');
      await waitFor(() => !signal(group, 0), {
        what: `background block (pid ${child.pid}) to stop`,
        timeoutMs: 30_000,
      });
    }
    this.background.length = 0;
  }
}

/** process.kill that says whether the target (a process or a group) still exists. */
function signal(target: number, name: NodeJS.Signals | 0): boolean {
  try {
    process.kill(target, name);
    return true;
  } catch {
    return false;
  }
}
