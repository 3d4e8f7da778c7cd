/**
 * The one line a service writes on stdout once it serves HTTP and consumes NATS. The launcher
 * and the end-to-end harness wait for it instead of sleeping.
 */
export const READY_PREFIX = 'bureaunet:ready ';

/** Emitted on `process` with the ready line, for what waits on it inside the process (the code cache). */
export const READY_EVENT = 'bureaunet:ready';

export interface ReadySignal {
  service: string;
  url: string;
}

export function formatReadyLine(signal: ReadySignal): string {
  return `${READY_PREFIX}${JSON.stringify(signal)}`;
}

export function parseReadyLine(line: string): ReadySignal | undefined {
  if (!line.startsWith(READY_PREFIX)) return undefined;
  return JSON.parse(line.slice(READY_PREFIX.length)) as ReadySignal;
}
