import { envelopeDigest } from './envelope.digest';

describe('envelopeDigest', () => {
  // RFC 8037 appendix A.4's signing input; the digest computed independently (Python hashlib).
  const jws = { protected: 'eyJhbGciOiJFZERTQSJ9', payload: 'RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc' };

  it('is base64url(SHA-256) of the RFC 7515 signing input', () => {
    expect(envelopeDigest(jws)).toBe('eM44BwGQ49aCzoVz223N4wS2EIpaTnzPEi4tJ9LOx6A');
  });

  it('ignores the signature and anything around the two signed strings', () => {
    expect(envelopeDigest({ ...jws, signature: 'anything' } as typeof jws)).toBe(envelopeDigest(jws));
  });

  it('changes when either signed string changes', () => {
    expect(envelopeDigest({ ...jws, payload: `${jws.payload}A` })).not.toBe(envelopeDigest(jws));
    expect(envelopeDigest({ ...jws, protected: `${jws.protected}A` })).not.toBe(envelopeDigest(jws));
  });
});
