import { generateBureauKeys } from '@bureaunet/crypto';
import { createTestCa, issueTestCertificate } from '../../crypto/src/testing/test-pki.fixture';
import { renewalDueAt } from './renewal.policy';

const DAY_MS = 86_400_000;
const START = new Date('2026-01-01T00:00:00.000Z');

describe('renewalDueAt', () => {
  async function certificate(days: number) {
    const ca = await createTestCa();
    const keys = await generateBureauKeys();
    return (
      await issueTestCertificate(ca, {
        code: 'FR',
        publicKey: keys.signing.publicKey,
        notBefore: START,
        notAfter: new Date(START.getTime() + days * DAY_MS),
      })
    ).certificate;
  }

  it('opens the window renewBeforeDays before expiry for a long-lived certificate', async () => {
    expect(renewalDueAt(await certificate(365), { renewBeforeDays: 60 }).toISOString()).toBe(
      new Date(START.getTime() + 305 * DAY_MS).toISOString(),
    );
  });

  it('opens it a third of the lifetime before expiry when that is shorter, so a short certificate is not renewed at every look', async () => {
    expect(renewalDueAt(await certificate(30), { renewBeforeDays: 60 }).toISOString()).toBe(
      new Date(START.getTime() + 20 * DAY_MS).toISOString(),
    );
  });
});
