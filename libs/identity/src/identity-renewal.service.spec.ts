import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { generateBureauKeys } from '@bureaunet/crypto';
import { createTestCa, issueTestCertificate } from '../../crypto/src/testing/test-pki.fixture';
import type { BureauIdentity } from './bureau-identity';
import { IdentityRenewalService } from './identity-renewal.service';
import type { IdentityRenewer } from './identity.renewer';

const DAY_MS = 86_400_000;
const POLICY = { renewBeforeDays: 60, warnBeforeDays: 30, checkIntervalMs: 60_000 };

describe('IdentityRenewalService: one look at the certificates', () => {
  let identity: BureauIdentity;
  const now = new Date();

  beforeAll(async () => {
    const ca = await createTestCa();
    const keys = await generateBureauKeys();
    const notAfter = new Date(now.getTime() + 20.5 * DAY_MS);
    const signing = (await issueTestCertificate(ca, { code: 'FR', publicKey: keys.signing.publicKey, notAfter }))
      .certificate;
    const encryption = (await issueTestCertificate(ca, { code: 'FR', publicKey: keys.encryption.publicKey, notAfter }))
      .certificate;
    identity = {
      code: 'FR',
      ca: ca.certificate,
      signing: { ...keys.signing, certificate: signing, kid: 's' },
      encryption: { ...keys.encryption, certificate: encryption, kid: 'e' },
    };
  });

  afterEach(() => jest.restoreAllMocks());

  function serviceWith(
    renewIfDue: () => Promise<boolean>,
    scheduler = new SchedulerRegistry(),
  ): IdentityRenewalService {
    const renewer = { identity, renewIfDue } as unknown as IdentityRenewer;
    return new IdentityRenewalService(renewer, POLICY, { now: () => now }, scheduler);
  }

  it('renews when due, and warns of what still expires within the warning period', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const renewIfDue = jest.fn(() => Promise.resolve(true));
    await serviceWith(renewIfDue).check();
    expect(renewIfDue).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^the signing certificate of FR expires at .* \(20 days left\) and has not been renewed/),
    );
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^the encryption certificate of FR expires at/));
  });

  it('logs a failed renewal with its reason and the next try, without throwing', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await expect(serviceWith(() => Promise.reject(new Error('registry unavailable'))).check()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith(
      "renewal check of FR's certificates (CA list, renewal when due) failed, tried again in 60 s: registry unavailable",
    );
  });

  it('looks at start, keeps looking on the scheduler, and stops there when the app closes', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const scheduler = new SchedulerRegistry();
    const renewIfDue = jest.fn(() => Promise.resolve(false));
    const service = serviceWith(renewIfDue, scheduler);
    service.onApplicationBootstrap();
    expect(scheduler.getIntervals()).toEqual(['identity-renewal']);
    await service.onModuleDestroy();
    expect(renewIfDue).toHaveBeenCalledTimes(1);
    expect(scheduler.getIntervals()).toEqual([]);
  });
});
