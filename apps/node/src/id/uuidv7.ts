import { randomBytes } from 'node:crypto';
import type { Clock } from '@bureaunet/platform';

/** Returns `size` cryptographically random bytes; injectable so tests are deterministic. */
export type RandomSource = (size: number) => Uint8Array;

const MAX_UNIX_MS = 2 ** 48 - 1;
const MAX_COUNTER = 0xfff;
// A fresh counter starts in the lower half, leaving room for at least 2048 ids in one millisecond.
const COUNTER_SEED_MASK = 0x7ff;

/**
 * RFC 9562 section 5.7 layout: 48-bit big-endian unix_ts_ms, version 0b0111, 12-bit rand_a,
 * variant 0b10, 62-bit rand_b (the low 62 bits of the 8 bytes given).
 */
export function formatUuidV7(unixMs: number, randA: number, randB: Uint8Array): string {
  if (!Number.isInteger(unixMs) || unixMs < 0 || unixMs > MAX_UNIX_MS)
    throw new RangeError(`unix_ts_ms ${unixMs} does not fit 48 bits`);
  if (!Number.isInteger(randA) || randA < 0 || randA > MAX_COUNTER)
    throw new RangeError(`rand_a ${randA} does not fit 12 bits`);
  if (randB.length !== 8) throw new RangeError(`rand_b needs 8 bytes, got ${randB.length}`);
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(unixMs, 0, 6);
  bytes[6] = 0x70 | (randA >> 8);
  bytes[7] = randA & 0xff;
  bytes.set(randB, 8);
  bytes[8] = 0x80 | (randB[0] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The unix_ts_ms a UUIDv7 carries. */
export function uuidV7Timestamp(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/**
 * Strictly increasing UUIDv7s within a process (RFC 9562 section 6.2, method 1): rand_a is a
 * counter seeded at random each millisecond; ids made in the same millisecond, or after the clock
 * stepped back, count up from the last one, and an exhausted counter borrows the next millisecond.
 */
export class UuidV7Generator {
  private lastMs = -1;
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly random: RandomSource = randomBytes,
  ) {}

  next(): string {
    const now = this.clock.now().getTime();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = this.seed();
    } else if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      this.lastMs += 1;
      this.counter = this.seed();
    }
    return formatUuidV7(this.lastMs, this.counter, this.random(8));
  }

  private seed(): number {
    const bytes = this.random(2);
    return ((bytes[0] << 8) | bytes[1]) & COUNTER_SEED_MASK;
  }
}
