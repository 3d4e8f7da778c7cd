import { DomainError } from '@bureaunet/contracts';
import type { EventStreamLimits } from '../node.config';

/**
 * Counts the open event streams, per node and per holder (a person, or a machine client's role),
 * and refuses one more past either bound with 429 too-many-streams. `open` returns the release.
 */
export class EventStreamLimiter {
  private total = 0;
  private readonly byHolder = new Map<string, number>();

  constructor(private readonly limits: Pick<EventStreamLimits, 'maxStreams' | 'maxPerPerson'>) {}

  open(holder: string): () => void {
    const held = this.byHolder.get(holder) ?? 0;
    if (this.total >= this.limits.maxStreams)
      throw new DomainError(
        'too-many-streams',
        `this node already serves ${this.total} event streams (limit ${this.limits.maxStreams}); try again later`,
        'rate-limited',
      );
    if (held >= this.limits.maxPerPerson)
      throw new DomainError(
        'too-many-streams',
        `${holder} already has ${held} event streams open (limit ${this.limits.maxPerPerson}): close a console tab`,
        'rate-limited',
      );
    this.total += 1;
    this.byHolder.set(holder, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.byHolder.get(holder) ?? 1) - 1;
      if (left === 0) this.byHolder.delete(holder);
      else this.byHolder.set(holder, left);
    };
  }

  get openStreams(): number {
    return this.total;
  }
}
