import { findNatsServerBinary } from './nats-server.binary';

/** Jest global setup: without nats-server, stop at once with one line that says how to get it. */
export default function requireNatsServer(): void {
  try {
    findNatsServerBinary();
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
