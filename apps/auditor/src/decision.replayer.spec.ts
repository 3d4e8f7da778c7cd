import { DEFAULT_POLICIES, DEFAULT_RATE_LIMITS, policyTextSha256 } from '@bureaunet/policy';
import { VerificationFailure } from './audit.errors';
import { replayDecisions, type ReplayRules } from './decision.replayer';

const AT = '2026-12-02T10:00:00.000Z';
const rulesOf = (text: string): ReplayRules => ({
  text,
  limits: DEFAULT_RATE_LIMITS,
  declarations: [],
  operations: [],
  groups: [],
});

/** What the gateway records about a message DK sent MR and FR at version 3. */
function entries(overrides: { mr?: Record<string, unknown>; accepted?: Record<string, unknown> } = {}) {
  const policySha256 = policyTextSha256(DEFAULT_POLICIES);
  return [
    {
      type: 'submission-accepted',
      at: AT,
      envelopeId: 'm-1',
      from: 'DK',
      kind: 'message',
      to: ['MR', 'FR'],
      meta: {},
      policyVersion: 3,
      policySha256,
      policyInput: {
        sender: { code: 'DK', role: 'bureau', status: 'active' },
        recipientsIncludeHub: false,
        lineage: { inheritedRestrictions: [], unresolved: [], handling: { level: 0 } },
      },
      ...overrides.accepted,
    },
    {
      type: 'delivery',
      at: AT,
      envelopeId: 'm-1',
      to: 'MR',
      policyVersion: 3,
      policySha256,
      policies: ['exchange-between-bureaus'],
      recipient: { role: 'bureau', status: 'active' },
      ...overrides.mr,
    },
    // Refused by the protocol checks, before the rules: nothing to replay.
    { type: 'recipient-refused', at: AT, envelopeId: 'm-1', to: 'FR', policyVersion: 3, code: 'unknown-recipient' },
    // MR's receipt, in the message's trail: another envelope, with decisions of its own.
    {
      type: 'delivery',
      at: AT,
      envelopeId: 'r-1',
      to: 'DK',
      policyVersion: 3,
      policySha256,
      policies: ['receipt-to-original-sender'],
      recipient: { role: 'bureau', status: 'active' },
    },
  ];
}

describe('replayDecisions', () => {
  it('gives the recorded outcome from the historical rule text, whatever is in force now', async () => {
    const asked: number[] = [];
    const replays = await replayDecisions('m-1', entries(), (version) => {
      asked.push(version);
      return Promise.resolve(rulesOf(DEFAULT_POLICIES));
    });
    expect(asked).toEqual([3]);
    expect(replays).toEqual([
      {
        to: 'MR',
        policyVersion: 3,
        policySha256: policyTextSha256(DEFAULT_POLICIES),
        recorded: { allowed: true, policies: ['exchange-between-bureaus'] },
        replayed: { allowed: true, policies: ['exchange-between-bureaus'] },
        same: true,
      },
    ]);
  });

  it('says when the replayed outcome differs from the recorded one', async () => {
    const [replay] = await replayDecisions(
      'm-1',
      entries({ mr: { recipient: { role: 'bureau', status: 'suspended' } } }),
      () => Promise.resolve(rulesOf(DEFAULT_POLICIES)),
    );
    expect(replay?.recorded.allowed).toBe(true);
    expect(replay?.replayed.allowed).toBe(false);
    expect(replay?.same).toBe(false);
  });

  it('refuses a rule text whose digest is not the recorded one', async () => {
    const changed = `${DEFAULT_POLICIES}\n`;
    await expect(replayDecisions('m-1', entries(), () => Promise.resolve(rulesOf(changed)))).rejects.toThrow(
      new VerificationFailure(
        `the rule text of version 3 hashes to ${policyTextSha256(changed)}, the decision about MR names ${policyTextSha256(DEFAULT_POLICIES)}`,
      ),
    );
  });

  it('names what is missing when entries were written before inputs were recorded', async () => {
    await expect(
      replayDecisions('m-1', entries({ accepted: { policyInput: undefined } }), () =>
        Promise.resolve(rulesOf(DEFAULT_POLICIES)),
      ),
    ).rejects.toThrow(/records no policyInput/);
    await expect(
      replayDecisions('m-1', entries(), () => Promise.resolve(rulesOf(DEFAULT_POLICIES)), 'ES'),
    ).rejects.toThrow('no decision of the rules to replay for ES among the 3 entries of m-1');
  });
});
