import type { DirectoryEntry, RecipientOutcome } from '@bureaunet/contracts';
import { DEFAULT_POLICIES, DEFAULT_RATE_LIMITS, PolicyEngine } from '@bureaunet/policy';
import { applyRecipientPolicy } from './recipient-policy';

const entry = (code: string, status: DirectoryEntry['status'] = 'active'): DirectoryEntry => ({
  code,
  role: code === 'XH' ? 'hub' : 'bureau',
  status,
  revokedSerials: [],
  version: 1,
});

describe('applyRecipientPolicy', () => {
  const rules = new PolicyEngine().load({
    version: 4,
    policies: DEFAULT_POLICIES,
    limits: DEFAULT_RATE_LIMITS,
    declarations: [],
    operations: [],
  });
  const entries = new Map(
    ['XH', 'MR', 'FR', 'IT'].map((code) => [code, entry(code, code === 'IT' ? 'suspended' : 'active')]),
  );

  it('refuses the recipients the rules refuse, keeps the protocol refusals, and names the deciding policies', () => {
    const outcomes: RecipientOutcome[] = [
      { code: 'XH', status: 'delivered' },
      { code: 'MR', status: 'delivered' },
      { code: 'FR', status: 'delivered' },
      { code: 'IT', status: 'delivered' },
      {
        code: 'ZZ',
        status: 'refused',
        refusal: { code: 'unknown-recipient', message: 'ZZ is not an enrolled bureau' },
      },
    ];
    const decided = applyRecipientPolicy(
      outcomes,
      entries,
      {
        sender: { code: 'DK', role: 'bureau', status: 'active' },
        kind: 'diffusion',
        meta: { restrictedTo: ['FR'] },
        now: new Date(),
        recipientsIncludeHub: true,
      },
      rules,
    );
    expect(decided.recipients).toEqual([
      { code: 'XH', status: 'delivered' },
      { code: 'MR', status: 'delivered' },
      {
        code: 'FR',
        status: 'refused',
        refusal: { code: 'policy-denied', rule: 'data-owner-restriction', message: expect.any(String) },
      },
      {
        code: 'IT',
        status: 'refused',
        refusal: { code: 'recipient-suspended', rule: 'suspended-recipient', message: expect.any(String) },
      },
      outcomes[4],
    ]);
    expect(decided.policies.get('MR')).toEqual(['exchange-between-bureaus']);
    expect(decided.policies.get('FR')).toEqual(['data-owner-restriction']);
    expect(decided.policies.has('ZZ')).toBe(false);
  });
});
