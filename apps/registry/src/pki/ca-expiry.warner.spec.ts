import { Logger } from '@nestjs/common';
import { randomBytes, X509Certificate } from 'node:crypto';
import { CaExpiryWarner } from './ca-expiry.warner';
import type { PkiService } from './pki.service';
import { createRootCa } from './root-ca';

const DAY_MS = 86_400_000;

describe('CaExpiryWarner', () => {
  const made = new Date('2026-01-01T00:00:00.000Z');
  // createRootCa: ten years from `made`.
  const expiresAt = new Date('2036-01-01T00:00:00.000Z');

  async function warnerAt(now: Date): Promise<{ warner: CaExpiryWarner; warn: jest.SpyInstance }> {
    const { certificatePem } = await createRootCa({ now: made, randomBytes });
    const pki = { caCertificate: () => new X509Certificate(certificatePem) } as unknown as PkiService;
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    return { warner: new CaExpiryWarner(pki, { now: () => now }), warn };
  }

  afterEach(() => jest.restoreAllMocks());

  it('warns 30 days ahead, naming the date, the days left and what to do', async () => {
    const { warner, warn } = await warnerAt(new Date(expiresAt.getTime() - 30 * DAY_MS));
    const warning = warner.check();
    expect(warning).toBe(
      'the CA certificate expires at 2036-01-01T00:00:00.000Z (30 days left): rotate the CA before then (docs/operations.md, "CA rotation")',
    );
    expect(warn).toHaveBeenCalledWith(warning);
  });

  it('stays quiet before that', async () => {
    const { warner, warn } = await warnerAt(new Date(expiresAt.getTime() - 31 * DAY_MS));
    expect(warner.check()).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });
});
