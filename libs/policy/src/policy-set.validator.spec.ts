import { DEFAULT_POLICIES } from './default-policies';
import { PolicySetInvalidError } from './policy.errors';
import { validatePolicySet } from './policy-set.validator';

function problemsOf(text: string): string[] {
  try {
    validatePolicySet(text);
  } catch (error) {
    if (error instanceof PolicySetInvalidError) return [...error.problems];
    throw error;
  }
  throw new Error('the policy set was accepted');
}

describe('validatePolicySet', () => {
  it('accepts the default policies without a warning, in text order', () => {
    const { policySet, warnings } = validatePolicySet(DEFAULT_POLICIES);
    expect(warnings).toEqual([]);
    const ids = [...policySet.policies.keys()];
    expect(ids.slice(0, 2)).toEqual(['exchange-between-bureaus', 'hub-always-reachable']);
    expect(ids.at(-1)).toBe('unresolved-reference');
    expect(policySet.policies.get('suspended-sender')).toMatchObject({
      effect: 'forbid',
      refusal: 'sender-suspended',
      reason: 'a suspended bureau may send only to the hub',
    });
  });

  it('refuses a syntax error with the parser’s message and where it is', () => {
    const problems = problemsOf('@id("broken")\npermit (principal, action, resource)\nwhen { principal.role == };');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 3:\d+: /);
  });

  it('refuses an attribute the schema does not know, with the validator’s message', () => {
    const problems = problemsOf('@id("by-rank")\npermit (principal, action, resource) when { principal.rank == 3 };');
    expect(problems.join('\n')).toMatch(/policy "by-rank": .*attribute `rank`/);
  });

  it('refuses an optional attribute read without a `has` guard', () => {
    const problems = problemsOf(
      '@id("alerts")\nforbid (principal, action, resource) when { context.operation.coordinator == principal };',
    );
    expect(problems.join('\n')).toMatch(/policy "alerts": .*optional attribute `operation`.*context has operation/);
  });

  it('refuses an action that is not a message kind', () => {
    expect(
      problemsOf('@id("gossip")\npermit (principal, action == Bureaunet::Action::"gossip", resource);').join('\n'),
    ).toMatch(/gossip/);
  });

  it('refuses a policy without @id, a repeated @id, the reserved default-deny and an unknown @refusal, all at once', () => {
    const problems = problemsOf(
      [
        'permit (principal, action, resource);',
        '@id("twice") permit (principal, action, resource);',
        '@id("twice") permit (principal, action, resource);',
        '@id("default-deny") forbid (principal, action, resource);',
        '@id("bad-code") @refusal("bad-signature") forbid (principal, action, resource);',
        '@id("Not_Kebab") permit (principal, action, resource);',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringContaining('every policy needs an @id'),
      '@id("twice") is used by more than one policy',
      expect.stringContaining('reserved'),
      expect.stringContaining(
        '@refusal("bad-signature") must be one of policy-denied, sender-suspended, recipient-suspended',
      ),
      expect.stringContaining('must be 1 to 64 lower-case letters'),
    ]);
  });

  it('refuses an empty set and templates', () => {
    expect(problemsOf('// nothing')).toEqual([expect.stringContaining('empty')]);
    expect(problemsOf('@id("t") permit (principal == ?principal, action, resource);')).toEqual([
      expect.stringContaining('templates'),
    ]);
  });

  it('says so in the error that the HTTP layer shows', () => {
    expect(() =>
      validatePolicySet('@id("x") permit (principal, action, resource) when { principal.rank == 3 };'),
    ).toThrow(
      expect.objectContaining({
        code: 'policy-invalid',
        kind: 'invalid',
        message: expect.stringMatching(/^the policy set is invalid: policy "x": /),
      }),
    );
  });
});
