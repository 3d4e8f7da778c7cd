import type { NatsConnection } from '@nats-io/transport-node';

/** Every JSON event on the given subjects, in arrival order; waits for the first match after a mark. */
export class NatsEventLog {
  private readonly seen: Array<{ subject: string; body: unknown }> = [];
  private waiters: Array<{ subject: string; match: (body: unknown) => boolean; resolve: (body: unknown) => void }> = [];

  /** Flush the connection afterwards, so that the server knows the subscriptions before anything is published. */
  constructor(nc: NatsConnection, subjects: readonly string[]) {
    for (const subject of subjects) {
      nc.subscribe(subject, {
        callback: (error, msg) => {
          if (error) throw error;
          this.push(subject, msg.json());
        },
      });
    }
  }

  /** Where the log stands now: `next` looks only at what arrives after it. */
  mark(): number {
    return this.seen.length;
  }

  next<T>(subject: string, since: number, match: (body: T) => boolean = () => true): Promise<T> {
    const found = this.seen.slice(since).find((event) => event.subject === subject && match(event.body as T));
    if (found) return Promise.resolve(found.body as T);
    return new Promise((resolve) =>
      this.waiters.push({ subject, match: (body) => match(body as T), resolve: (body) => resolve(body as T) }),
    );
  }

  private push(subject: string, body: unknown): void {
    this.seen.push({ subject, body });
    this.waiters = this.waiters.filter(
      (waiter) => !(waiter.subject === subject && waiter.match(body) && (waiter.resolve(body), true)),
    );
  }
}
