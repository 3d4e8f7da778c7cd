import { writeFileSync } from 'node:fs';

/**
 * What one benchmark measured, as `npm run bench` collects it into docs/performance.md. A figure
 * stands beside the baseline measured in the same run, so a slow machine moves both.
 */
export interface BenchFigure {
  /** What was measured, e.g. "exchange 1:1: receipted back at the sender". */
  name: string;
  value: number;
  /** "msgs/s", "entries/s", "ms", "µs", "bytes", "ms CPU/msg"… */
  unit: string;
  /** A figure that is itself a baseline (raw NATS, raw crypto, raw SQLite). */
  baseline?: boolean;
  /** The same-run baseline this figure is compared with, and the ratio value / baseline. */
  against?: { name: string; ratio: number };
  /** The goal for this figure, when it has one; `met` says whether this run met it. */
  goal?: { text: string; met: boolean };
  note?: string;
}

export interface BenchReport {
  /** Section title in docs/performance.md, e.g. "The whole exchange". */
  title: string;
  /** The command that produced it, e.g. "npm run bench:exchange". */
  command: string;
  /** One paragraph: what runs, on what, with which parameters. */
  setup: string;
  figures: BenchFigure[];
  /** Where the time goes, what was missed and by how much, what would close it (Markdown lines). */
  findings?: string[];
}

/** The environment variable `npm run bench` sets so each benchmark also writes its report as JSON. */
export const BENCH_REPORT_FILE_ENV = 'BENCH_REPORT_FILE';

/** Prints the report as a table and, under `npm run bench`, writes it for the collector. */
export function publishBenchReport(report: BenchReport): void {
  console.log(`${report.title} — ${report.command}`);
  console.log(report.setup);
  for (const figure of report.figures) console.log(formatFigureLine(figure));
  for (const finding of report.findings ?? []) console.log(`  ${finding}`);
  const file = process.env[BENCH_REPORT_FILE_ENV];
  if (file) writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export function formatFigureLine(figure: BenchFigure): string {
  const value = `${formatValue(figure.value)} ${figure.unit}`;
  const notes = [
    figure.baseline ? 'baseline' : undefined,
    figure.against ? `${figure.against.ratio.toFixed(2)}× ${figure.against.name}` : undefined,
    figure.goal ? `goal ${figure.goal.text}: ${figure.goal.met ? 'met' : 'MISSED'}` : undefined,
    figure.note,
  ].filter((note): note is string => note !== undefined);
  return `${figure.name.padEnd(60)} ${value.padStart(18)}  ${notes.join('; ')}`;
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The comparison of `value` with a baseline figure of the same run. */
export function ratioTo(baseline: BenchFigure, value: number): { name: string; ratio: number } {
  return { name: baseline.name, ratio: value / baseline.value };
}
