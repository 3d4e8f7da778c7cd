import { generateBureauKeys } from '@bureaunet/crypto';
import { createTestCa, issueTestCertificate } from '../../crypto/src/testing/test-pki.fixture';
import type { BureauIdentity } from './bureau-identity';
import { expiryWarnings, identityExpiry } from './identity.expiry';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00.000Z');

describe('identityExpiry and expiryWarnings', () => {
  let identity: BureauIdentity;

  beforeAll(async () => {
    const ca = await createTestCa();
    const keys = await generateBureauKeys();
    const issue = async (days: number, publicKey = keys.signing.publicKey) =>
      (
        await issueTestCertificate(ca, {
          code: 'FR',
          publicKey,
          notBefore: new Date(NOW.getTime() - DAY_MS),
          notAfter: new Date(NOW.getTime() + days * DAY_MS),
        })
      ).certificate;
    identity = {
      code: 'FR',
      ca: ca.certificate,
      signing: { ...keys.signing, certificate: await issue(29.5), kid: 'signing-kid' },
      encryption: {
        ...keys.encryption,
        certificate: await issue(90, keys.encryption.publicKey),
        kid: 'encryption-kid',
      },
    };
  });

  it('shows each certificate’s notAfter and whole days left, and the CA’s', () => {
    const expiry = identityExpiry(identity, NOW);
    expect(expiry.signing).toEqual({
      notAfter: new Date(NOW.getTime() + 29.5 * DAY_MS).toISOString(),
      daysLeft: 29,
      kid: 'signing-kid',
    });
    expect(expiry.encryption).toMatchObject({ daysLeft: 90, kid: 'encryption-kid' });
    expect(expiry.ca.notAfter).toBe(new Date(identity.ca.validTo).toISOString());
    expect(expiry.ca.daysLeft).toBeGreaterThan(3000);
  });

  it('warns of what expires within the warning period, naming it and its date, and of nothing else', () => {
    const warnings = expiryWarnings(identity, NOW, 30);
    expect(warnings).toEqual([
      expect.stringMatching(/^the signing certificate of FR expires at 2026-07-01T00:00:00.000Z \(29 days left\)/),
    ]);
    expect(expiryWarnings(identity, NOW, 10)).toEqual([]);
    expect(expiryWarnings(identity, new Date(Date.parse(identity.ca.validTo) - 10 * DAY_MS), 30)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^the CA certificate expires at .* rotate the CA/)]),
    );
  });
});
