import { newBureau, roleForCode } from './bureau.factory';

describe('roleForCode', () => {
  it('makes XH the hub, XG the gateway and every other code a bureau', () => {
    expect(roleForCode('XH')).toBe('hub');
    expect(roleForCode('XG')).toBe('gateway');
    expect(roleForCode('FR')).toBe('bureau');
    expect(roleForCode('XA')).toBe('bureau');
  });
});

describe('newBureau', () => {
  it('registers a bureau active and unversioned', () => {
    const now = new Date('2026-06-01T12:00:00.000Z');
    expect({ ...newBureau('XH', now) }).toEqual({
      code: 'XH',
      role: 'hub',
      status: 'active',
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
  });
});
