import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
import type { Clock } from '@bureaunet/platform';

/** Returns `size` cryptographically random bytes; injectable so tests are deterministic. */
export type RandomSource = (size: number) => Uint8Array;

const MAX_SEQ = 0xffffffff;
// A fresh counter starts in the lower half, leaving room for at least 2^31 ids in one millisecond.
const SEQ_SEED_MASK = 0x7fffffff;

/**
 * Envelope ids: `uuid`'s UUIDv7, strictly increasing within a process (RFC 9562 section 6.2). uuid
 * keeps its own counter only against Date.now(); ours runs on the injected clock, so the millisecond
 * and the counter are kept here: ids made in the same millisecond, or after the clock stepped back,
 * count up from the last one, and an exhausted counter borrows the next millisecond.
 */
export class EnvelopeIdGenerator {
  private msecs = -1;
  private seq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly random: RandomSource = randomBytes,
  ) {}

  next(): string {
    const now = this.clock.now().getTime();
    if (now > this.msecs) {
      this.msecs = now;
      this.seq = this.seed();
    } else if (this.seq < MAX_SEQ) {
      this.seq += 1;
    } else {
      this.msecs += 1;
      this.seq = this.seed();
    }
    return v7({ msecs: this.msecs, seq: this.seq, random: this.random(16) });
  }

  private seed(): number {
    return Buffer.from(this.random(4)).readUInt32BE(0) & SEQ_SEED_MASK;
  }
}
