import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { CertificateExpiry } from '@bureaunet/crypto';
import { HEALTH_BOUNDS, type HealthBounds } from './health.bounds';

/**
 * Whether the certificates a service signs or issues with are still valid for long enough: a
 * bureau's signing and encryption certificates and its CA, or the registry's CA.
 */
@Injectable()
export class CertificateValidityIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_BOUNDS) private readonly bounds: HealthBounds,
  ) {}

  check(key: string, certificates: Record<string, CertificateExpiry>): HealthIndicatorResult {
    const session = this.indicators.check(key);
    const minDaysLeft = this.bounds.minCertificateDays;
    const short = Object.entries(certificates)
      .filter(([, expiry]) => expiry.daysLeft < minDaysLeft)
      .map(([name]) => name);
    if (short.length === 0) return session.up({ minDaysLeft, ...certificates });
    return session.down({
      message:
        minDaysLeft === 0 ? `${short.join(', ')} expired` : `${short.join(', ')}: fewer than ${minDaysLeft} days left`,
      minDaysLeft,
      ...certificates,
    });
  }
}
