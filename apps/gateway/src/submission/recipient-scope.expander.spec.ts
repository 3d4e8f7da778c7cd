import { DEFAULT_POLICIES, DEFAULT_RATE_LIMITS, PolicyEngine } from '@bureaunet/policy';
import { expandRecipientScopes } from './recipient-scope.expander';

describe('expandRecipientScopes', () => {
  const rules = new PolicyEngine().load({
    version: 7,
    policies: DEFAULT_POLICIES,
    limits: DEFAULT_RATE_LIMITS,
    declarations: [],
    operations: [
      {
        id: 'op-sahel',
        name: 'Sahel',
        coordinator: 'MR',
        participants: ['ML', 'NE'],
        start: '2026-01-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
      },
    ],
    groups: [
      {
        id: 'schengen',
        name: 'Schengen',
        kind: 'schengen',
        members: ['DK', 'FR', 'IT'],
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
  });

  it('turns groups and operations into their members, without the sender, once each', () => {
    expect(expandRecipientScopes(['group:schengen', 'FR', 'operation:op-sahel', 'XH'], 'DK', rules)).toEqual({
      codes: ['FR', 'IT', 'ML', 'NE', 'XH'],
    });
  });

  it('keeps a bureau code as written, even the sender’s (the protocol checks refuse it by name)', () => {
    expect(expandRecipientScopes(['DK'], 'DK', rules)).toEqual({ codes: ['DK'] });
  });

  it('refuses the whole envelope for a scope the rules do not know, naming it and the version', () => {
    expect(expandRecipientScopes(['FR', 'group:americas'], 'DK', rules)).toEqual({
      refusal: {
        code: 'unknown-recipient',
        message: 'to: group:americas names no country group in the rules in force (version 7)',
      },
    });
    expect(expandRecipientScopes(['operation:nope'], 'DK', rules)).toMatchObject({
      refusal: { message: expect.stringContaining('names no operation') },
    });
  });
});
