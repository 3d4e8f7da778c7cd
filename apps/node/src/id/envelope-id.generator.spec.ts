import fc from 'fast-check';
import { validate, version } from 'uuid';
import type { Clock } from '@bureaunet/platform';
import { EnvelopeIdGenerator, type RandomSource } from './envelope-id.generator';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function settableClock(ms: number): Clock & { set(ms: number): void } {
  let now = ms;
  return { now: () => new Date(now), set: (value) => (now = value) };
}

/** The unix_ts_ms a UUIDv7 carries (its first 48 bits). */
function timestampOf(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

const fixedRandom =
  (byte: number): RandomSource =>
  (size) =>
    new Uint8Array(size).fill(byte);

describe('EnvelopeIdGenerator', () => {
  it('makes RFC 9562 version 7 ids whatever the random bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 2 ** 47 }), (byte, ms) => {
        const id = new EnvelopeIdGenerator(settableClock(ms), fixedRandom(byte)).next();
        expect(id).toMatch(UUID_V7);
        expect(validate(id)).toBe(true);
        expect(version(id)).toBe(7);
        expect(timestampOf(id)).toBe(ms);
      }),
    );
  });

  it('embeds the clock time, not the system time', () => {
    const at = Date.parse('2026-11-25T10:00:00.123Z');
    expect(timestampOf(new EnvelopeIdGenerator(settableClock(at)).next())).toBe(at);
  });

  it('makes strictly increasing ids within one millisecond, even from the highest seed', () => {
    const generator = new EnvelopeIdGenerator(settableClock(1_700_000_000_000), fixedRandom(0xff));
    const ids = Array.from({ length: 5_000 }, () => generator.next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(timestampOf(id)).toBe(1_700_000_000_000));
  });

  it('stays increasing when the clock steps back', () => {
    const clock = settableClock(1_700_000_000_500);
    const generator = new EnvelopeIdGenerator(clock);
    const before = generator.next();
    clock.set(1_700_000_000_000);
    const after = generator.next();
    expect(after > before).toBe(true);
    expect(timestampOf(after)).toBe(1_700_000_000_500);
  });

  it('increases across arbitrary clock sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 200 }), (times) => {
        const clock = settableClock(0);
        const generator = new EnvelopeIdGenerator(clock);
        const ids = times.map((time) => {
          clock.set(1_700_000_000_000 + time);
          return generator.next();
        });
        for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
      }),
    );
  });
});
