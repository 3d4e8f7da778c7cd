import fc from 'fast-check';
import type { Clock } from '@bureaunet/platform';
import { formatUuidV7, uuidV7Timestamp, UuidV7Generator, type RandomSource } from './uuidv7';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function settableClock(ms: number): Clock & { set(ms: number): void } {
  let now = ms;
  return { now: () => new Date(now), set: (value) => (now = value) };
}

const fixedRandom =
  (byte: number): RandomSource =>
  (size) =>
    new Uint8Array(size).fill(byte);

describe('formatUuidV7', () => {
  it('reproduces the RFC 9562 appendix A.6 example', () => {
    const randB = Buffer.from('18c4dc0c0c07398f', 'hex');
    expect(formatUuidV7(0x017f22e279b0, 0xcc3, randB)).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('sets version 7 and variant 0b10 whatever the random bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.integer({ min: 0, max: 0xfff }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        (ms, randA, randB) => {
          const id = formatUuidV7(ms, randA, randB);
          expect(id).toMatch(UUID_V7);
          expect(uuidV7Timestamp(id)).toBe(ms);
        },
      ),
    );
  });

  it('refuses values that do not fit their fields', () => {
    expect(() => formatUuidV7(2 ** 48, 0, new Uint8Array(8))).toThrow(/48 bits/);
    expect(() => formatUuidV7(0, 0x1000, new Uint8Array(8))).toThrow(/12 bits/);
    expect(() => formatUuidV7(0, 0, new Uint8Array(7))).toThrow(/8 bytes/);
  });
});

describe('UuidV7Generator', () => {
  it('embeds the clock time', () => {
    const at = Date.parse('2026-11-25T10:00:00.123Z');
    expect(uuidV7Timestamp(new UuidV7Generator(settableClock(at)).next())).toBe(at);
  });

  it('makes strictly increasing ids within one millisecond', () => {
    const generator = new UuidV7Generator(settableClock(1_700_000_000_000));
    const ids = Array.from({ length: 5_000 }, () => generator.next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(UUID_V7));
  });

  it('stays increasing when the clock steps back', () => {
    const clock = settableClock(1_700_000_000_500);
    const generator = new UuidV7Generator(clock);
    const before = generator.next();
    clock.set(1_700_000_000_000);
    const after = generator.next();
    expect(after > before).toBe(true);
    expect(uuidV7Timestamp(after)).toBe(1_700_000_000_500);
  });

  it('borrows the next millisecond when the counter is exhausted', () => {
    const at = 1_700_000_000_000;
    // Seed 0x7ff: 2048 more ids fit in the millisecond before the counter runs out.
    const generator = new UuidV7Generator(settableClock(at), fixedRandom(0xff));
    const ids = Array.from({ length: 2_050 }, () => generator.next());
    expect(uuidV7Timestamp(ids[2_048])).toBe(at);
    expect(uuidV7Timestamp(ids[2_049])).toBe(at + 1);
    expect([...ids].sort()).toEqual(ids);
  });

  it('increases across arbitrary clock sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 200 }), (times) => {
        const clock = settableClock(0);
        const generator = new UuidV7Generator(clock);
        const ids = times.map((time) => {
          clock.set(1_700_000_000_000 + time);
          return generator.next();
        });
        for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
      }),
    );
  });
});
