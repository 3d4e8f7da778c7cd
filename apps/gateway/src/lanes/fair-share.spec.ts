import { fairShare } from './fair-share';

describe('fairShare', () => {
  it('gives a lone gateway every partition', () => {
    expect(fairShare(16, 1)).toBe(16);
  });

  it('splits evenly when it can and rounds up when it cannot, so every partition has room', () => {
    expect(fairShare(16, 2)).toBe(8);
    expect(fairShare(16, 3)).toBe(6);
    expect(fairShare(16, 5) * 5).toBeGreaterThanOrEqual(16);
    expect(fairShare(16, 32)).toBe(1);
  });

  it('refuses a count of live gateways that leaves out this one', () => {
    expect(() => fairShare(16, 0)).toThrow('at least one gateway');
  });
});
