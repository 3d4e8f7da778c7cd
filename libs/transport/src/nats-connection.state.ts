import type { NatsConnection } from '@nats-io/transport-node';

/**
 * Whether the connection is up. nats.js buffers a publish made while it is disconnected, but each
 * redial starts by discarding that buffer: a request sent then is lost and only fails at its timeout.
 */
export class NatsConnectionState {
  private up = true;
  private waiters = new Set<() => void>();

  constructor(connection: NatsConnection) {
    void this.watch(connection);
  }

  get isUp(): boolean {
    return this.up;
  }

  /** Resolves true once the connection is up, false if it is still down after `timeoutMs`. */
  whenUp(timeoutMs: number): Promise<boolean> {
    if (this.up) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(false), timeoutMs);
      const settle = (isUp: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(isUp);
      };
      const wake = () => settle(true);
      this.waiters.add(wake);
    });
  }

  private async watch(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') this.up = false;
      if (status.type === 'reconnect') this.setUp();
    }
    // Closed: waiters fail fast on the closed connection instead of waiting out their timeout.
    this.setUp();
  }

  private setUp(): void {
    this.up = true;
    for (const wake of [...this.waiters]) wake();
  }
}
