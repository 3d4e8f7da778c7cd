import { acceptedDecisionLine, refusedDecisionLine } from './submission-decision.line';

describe('the submission decision line', () => {
  const envelope = { envelopeId: '0193a1b2-0000-7000-8000-000000000001', sender: 'MR', kind: 'notice' };

  it('names whom an accepted envelope went to and who refused it, by code and rule', () => {
    expect(
      acceptedDecisionLine(
        envelope,
        [
          { code: 'DK', status: 'delivered' },
          { code: 'FR', status: 'refused', refusal: { code: 'policy-denied', message: 'no', rule: 'embargo' } },
        ],
        7,
      ),
    ).toEqual({
      msg: 'accepted 0193a1b2-0000-7000-8000-000000000001 from MR: delivered to DK; refused for FR (policy-denied)',
      event: 'submission-decision',
      decision: 'accepted',
      ...envelope,
      deliveredTo: ['DK'],
      refusedFor: [{ code: 'FR', refusal: 'policy-denied', rule: 'embargo' }],
      policyVersion: 7,
    });
  });

  it('gives the code and reason of a refused envelope, and nothing of its content', () => {
    const line = refusedDecisionLine(envelope, { code: 'replay', message: 'envelope id already used' });
    expect(line).toEqual({
      msg: 'refused 0193a1b2-0000-7000-8000-000000000001 from MR: replay',
      event: 'submission-decision',
      decision: 'refused',
      ...envelope,
      refusal: { code: 'replay', reason: 'envelope id already used' },
    });
  });
});
