import { effectiveRestrictions, inheritingReferences } from './envelope-lineage';

describe('effectiveRestrictions', () => {
  it('joins the envelope’s own restrictions with the inherited ones, sorted, once each', () => {
    expect(
      effectiveRestrictions({ restrictedTo: ['IT', 'FR'] }, { inheritedRestrictions: ['FR', 'DE'], unresolved: [] }),
    ).toEqual(['DE', 'FR', 'IT']);
  });

  it('is empty for an envelope without restrictions or lineage', () => {
    expect(effectiveRestrictions({})).toEqual([]);
  });
});

describe('inheritingReferences', () => {
  it('names the envelopes replied to and forwarded, not the one receipted', () => {
    const id = '0192b3c4-0000-7000-8000-000000000001';
    expect(inheritingReferences({ replyTo: id, forwardOf: id })).toEqual([id]);
    expect(inheritingReferences({})).toEqual([]);
  });
});
