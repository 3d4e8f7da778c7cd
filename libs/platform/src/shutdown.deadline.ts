/** Within the 30 s an orchestrator (Docker, Kubernetes) waits after SIGTERM before SIGKILL. */
export const SHUTDOWN_DEADLINE_MS = 20_000;

/** The parts of `process` the deadline uses (the spec passes its own). */
export interface ShutdownHost {
  once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  exit(code: number): never;
  stderr: { write(text: string): unknown };
}

/**
 * After SIGTERM or SIGINT the service shuts down gracefully (Nest's shutdown hooks: consumers
 * drained, leases given back, databases closed), but a hook waiting on something that never
 * answers would keep it alive until the orchestrator kills it: past the deadline it exits itself,
 * naming why. Nothing is lost by that exit: what was not acked is delivered again.
 */
export function armShutdownDeadline(
  name: string,
  host: ShutdownHost = process,
  deadlineMs: number = SHUTDOWN_DEADLINE_MS,
): void {
  const arm = (signal: string) => () => {
    const timer = setTimeout(() => {
      host.stderr.write(`${name}: shutdown after ${signal} did not finish within ${deadlineMs} ms: exiting\n`);
      host.exit(1);
    }, deadlineMs);
    timer.unref();
  };
  host.once('SIGTERM', arm('SIGTERM'));
  host.once('SIGINT', arm('SIGINT'));
}
