import type { Caller } from '@bureaunet/platform';
import { checkAttribution } from './check-attribution';

const person = (borderPost?: string): Caller => ({
  kind: 'person',
  role: 'border-officer',
  person: {
    personId: 'p-1',
    username: 'amina',
    displayName: 'Amina',
    roles: ['border-officer'],
    ...(borderPost !== undefined && { borderPost }),
    via: 'session',
  },
});

describe('checkAttribution', () => {
  it('names the person and their border post', () => {
    expect(checkAttribution(person('Rosso ferry'), undefined)).toEqual({ actor: 'person:amina', place: 'Rosso ferry' });
  });

  it('keeps a place the request names', () => {
    expect(checkAttribution(person('Rosso ferry'), 'Nouakchott airport')).toEqual({
      actor: 'person:amina',
      place: 'Nouakchott airport',
    });
  });

  it('names no place when neither the request nor the person has one', () => {
    expect(checkAttribution(person(), undefined)).toEqual({ actor: 'person:amina' });
  });

  it('names a machine client by its role', () => {
    expect(checkAttribution({ kind: 'machine', role: 'officer' }, 'Desk 4')).toEqual({
      actor: 'role:officer',
      place: 'Desk 4',
    });
  });

  it('refuses a request RoleGuard did not admit', () => {
    expect(() => checkAttribution(undefined, undefined)).toThrow(/RoleGuard did not run/);
  });
});
