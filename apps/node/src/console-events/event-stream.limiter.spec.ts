import { DomainError } from '@bureaunet/contracts';
import { EventStreamLimiter } from './event-stream.limiter';

const refusal = (open: () => unknown): DomainError => {
  try {
    open();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('EventStreamLimiter', () => {
  it('refuses a holder past its own bound, naming it, while others still open', () => {
    const limiter = new EventStreamLimiter({ maxStreams: 10, maxPerPerson: 2 });
    limiter.open('person:ana');
    limiter.open('person:ana');
    const error = refusal(() => limiter.open('person:ana'));
    expect(error.code).toBe('too-many-streams');
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('person:ana already has 2');
    expect(() => limiter.open('person:ben')).not.toThrow();
  });

  it('refuses anyone past the node bound, and admits again once one closes', () => {
    const limiter = new EventStreamLimiter({ maxStreams: 2, maxPerPerson: 5 });
    const close = limiter.open('person:ana');
    limiter.open('person:ben');
    expect(refusal(() => limiter.open('person:cy')).message).toContain('limit 2');
    close();
    expect(() => limiter.open('person:cy')).not.toThrow();
    expect(limiter.openStreams).toBe(2);
  });

  it('counts a release once, however often it is called', () => {
    const limiter = new EventStreamLimiter({ maxStreams: 5, maxPerPerson: 1 });
    const close = limiter.open('person:ana');
    close();
    close();
    expect(limiter.openStreams).toBe(0);
    limiter.open('person:ana');
    expect(() => limiter.open('person:ana')).toThrow(DomainError);
  });
});
