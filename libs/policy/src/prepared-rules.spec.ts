import { DEFAULT_RATE_LIMITS } from './default-rate-limits';
import { parsePolicySet } from './policy-set.parser';
import { PreparedRules } from './prepared-rules';

// parsePolicySet does not consult the schema: this is how a policy that fails at run time could
// reach the engine if validation were ever bypassed.
const UNVALIDATED = `
@id("everything") permit (principal, action, resource);
@id("by-rank") @reason("ranks below 3 may not send") forbid (principal, action, resource) when { principal.rank < 3 };
`;

describe('PreparedRules', () => {
  const rules = new PreparedRules(
    { version: 7, limits: DEFAULT_RATE_LIMITS, declarations: [], operations: [] },
    parsePolicySet(UNVALIDATED),
    {
      policySetId: 'prepared-rules-spec',
      cachedDecisions: 0,
      validateRequests: false,
    },
  );
  const envelope = {
    sender: { code: 'DK', role: 'bureau' as const, status: 'active' as const },
    kind: 'message' as const,
    meta: {},
    now: new Date(),
  };

  it('refuses when a forbid cannot be evaluated, instead of letting Cedar skip it', () => {
    const decision = rules.decide(envelope, { code: 'MR', role: 'bureau', status: 'active' });
    expect(decision).toEqual({
      allowed: false,
      policies: ['by-rank'],
      refusal: {
        code: 'policy-denied',
        rule: 'by-rank',
        message: expect.stringMatching(
          /^policy by-rank could not be evaluated \(.*rank.*\), so it refuses: ranks below 3 may not send$/,
        ),
      },
    });
  });
});
