import { SignInThrottle } from './sign-in.throttle';

describe('the sign-in throttle', () => {
  const policy = { burst: 3, perMinute: 6, maxAddresses: 2 };

  it('lets an address fail a burst, then one attempt per refill interval', () => {
    const throttle = new SignInThrottle(policy);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(throttle.waitMs('10.0.0.1', 0)).toBe(0);
      throttle.recordFailure('10.0.0.1', 0);
    }
    expect(throttle.waitMs('10.0.0.1', 0)).toBe(10_000);
    expect(throttle.waitMs('10.0.0.1', 4_000)).toBe(6_000);
    expect(throttle.waitMs('10.0.0.1', 10_000)).toBe(0);
    expect(throttle.waitMs('10.0.0.2', 0)).toBe(0);
  });

  it('never holds more than a burst, however long an address waits', () => {
    const throttle = new SignInThrottle(policy);
    throttle.recordFailure('10.0.0.1', 0);
    for (let attempt = 0; attempt < 3; attempt += 1) throttle.recordFailure('10.0.0.1', 3_600_000);
    expect(throttle.waitMs('10.0.0.1', 3_600_000)).toBeGreaterThan(0);
  });

  it('remembers a bounded number of addresses, forgetting the one touched longest ago', () => {
    const throttle = new SignInThrottle(policy);
    for (const address of ['a', 'b', 'c', 'd']) for (let i = 0; i < 3; i += 1) throttle.recordFailure(address, 0);
    expect(throttle.size).toBe(2);
    expect(throttle.waitMs('a', 0)).toBe(0);
    expect(throttle.waitMs('d', 0)).toBeGreaterThan(0);
  });
});
