import { createServer } from 'node:net';

/** Whether something already listens on this loopback port (we try to listen on it ourselves). */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/**
 * Linux hands out ephemeral ports (every outgoing connection's local port, every listen on port 0)
 * from 32768 up: a run chosen below them cannot be taken by another process between the check and
 * the listen, as one chosen among them was.
 */
const EPHEMERAL_PORTS_START = 32_768;
const LOWEST_RUN_PORT = 20_000;

/**
 * The first of `count` consecutive free loopback ports, for a process that must be told its port before
 * it starts (nats-server, a witness, `npm start`'s services; NODE_PORT_BASE numbers the nodes from it).
 */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = LOWEST_RUN_PORT + Math.floor(Math.random() * (EPHEMERAL_PORTS_START - LOWEST_RUN_PORT - count));
    const taken = await Promise.all(Array.from({ length: count }, (_, index) => isPortTaken(first + index)));
    if (!taken.includes(true)) return first;
  }
  throw new Error(`no run of ${count} free ports found`);
}
