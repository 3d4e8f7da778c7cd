import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { repoRoot } from '@bureaunet/testing';
import { BENCH_REPORT_FILE_ENV, type BenchReport } from './bench-report';
import { updatePerformanceDoc, type BenchOutcome, type BenchRun } from './performance-section';

/**
 * `npm run bench`: every benchmark one after another, each as its own process (its own heap, its own
 * services), then docs/performance.md's generated section. `-- --only exchange,broadcast` runs a
 * subset and refreshes only their subsections; `-- --cluster` is `--only cluster` (the exchange on
 * PostgreSQL and a NATS cluster beside SQLite and one nats-server). A failing benchmark is written down as failed and the
 * others still run; the exit code says whether any failed.
 */
const BENCHMARKS = [
  'exchange',
  'cluster',
  'broadcast',
  'crypto',
  'ledger',
  'policy',
  'checks',
  'person-check',
  'person-match',
  'oprf',
  'search',
  'people',
] as const;

/** One benchmark may not hold the whole run hostage. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 30 * 60_000);
/** Output kept per benchmark to name its error. */
const KEPT_LINES = 200;

function selectedBenchmarks(argv: readonly string[]): string[] {
  if (argv.includes('--cluster')) return ['cluster'];
  const at = argv.indexOf('--only');
  if (at < 0) return [...BENCHMARKS];
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--only takes a comma-separated list of ${BENCHMARKS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return names;
}

/** The node arguments of `bench:<name>` in package.json, after its build step, e.g. ['--expose-gc', 'dist/bench/x.bench.js']. */
function nodeArgsOf(scripts: Record<string, string>, name: string): string[] | string {
  const script = scripts[`bench:${name}`];
  if (!script) return `no script bench:${name} in package.json on this branch`;
  const command = script.split('&&').pop()!.trim().split(/\s+/);
  if (command[0] !== 'node') return `bench:${name} does not end with a node command: ${script}`;
  const file = command[command.length - 1];
  if (!existsSync(join(repoRoot(), file))) return `${file} is not built (no bench source on this branch?)`;
  return command.slice(1);
}

function runBenchmark(name: string, args: readonly string[], reportFile: string): Promise<BenchOutcome> {
  const command = `npm run bench:${name}`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot(),
      env: { ...process.env, [BENCH_REPORT_FILE_ENV]: reportFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const errors: string[] = [];
    const printed: string[] = [];
    const keep = (into: string[], chunk: Buffer) => {
      into.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      into.splice(0, Math.max(0, into.length - KEPT_LINES));
    };
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      keep(printed, chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      keep(errors, chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const failed = (error: string): void => resolve({ name, command, status: 'failed', error });
      if (code !== 0) return failed(firstErrorLine(errors) ?? `exited with ${code ?? signal}`);
      if (!existsSync(reportFile))
        return resolve({
          name,
          command,
          status: 'missing',
          error: 'ran, but wrote no report: not converted to publishBenchReport yet; what it printed follows',
          output: printed.join('\n'),
        });
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BenchReport;
      resolve({ name, command, status: 'reported', report });
    });
  });
}

/** The first line that reads like an error (a stack's message line), else the last line printed. */
function firstErrorLine(lines: readonly string[]): string | undefined {
  return lines.find((line) => /\b\w*Error\b|\berror\b/i.test(line) && !/^\s+at /.test(line)) ?? lines.at(-1);
}

function describeRun(): BenchRun {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot(), encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no').length > 0 ? ' (uncommitted changes)' : '';
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return {
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty}`,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load} at start`,
  };
}

async function main(): Promise<void> {
  const names = selectedBenchmarks(process.argv.slice(2));
  const run = describeRun();
  const scripts = (
    JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const folder = mkdtempSync(join(tmpdir(), 'bureaunet-bench-'));
  const outcomes: BenchOutcome[] = [];
  try {
    for (const name of names) {
      const args = nodeArgsOf(scripts, name);
      console.log(`\n=== npm run bench:${name}`);
      if (typeof args === 'string') {
        console.log(`missing: ${args}`);
        outcomes.push({ name, command: `npm run bench:${name}`, status: 'missing', error: args });
        continue;
      }
      outcomes.push(await runBenchmark(name, args, join(folder, `${name}.json`)));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const file = join(repoRoot(), 'docs', 'performance.md');
  const updated = updatePerformanceDoc(readFileSync(file, 'utf8'), outcomes, run, BENCHMARKS);
  // Formatted as `npm run lint` checks it (tables padded), so the generated file commits as it is.
  writeFileSync(file, await format(updated, { ...(await resolveConfig(file)), filepath: file }));
  console.log(`\n${file}: ${outcomes.map((outcome) => `${outcome.name} ${outcome.status}`).join(', ')}`);
  if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
