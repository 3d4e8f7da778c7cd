import { DomainError } from '@bureaunet/contracts';

/**
 * One report or withdrawal at a time: a change's version is read before its envelope is sealed
 * (the version is inside the seal), so two at once could both take the same next version. Waiting
 * callers are bounded; one more is told to come back (503).
 */
export class RecordWriteLock {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly maxWaiting = 16) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting)
      return Promise.reject(
        new DomainError(
          'records-busy',
          `${this.waiting} reports are already waiting for this bureau's records: try again shortly`,
          'unavailable',
        ),
      );
    this.waiting += 1;
    const turn = this.tail.then(
      () => work(),
      () => work(),
    );
    this.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn.finally(() => (this.waiting -= 1));
  }
}
