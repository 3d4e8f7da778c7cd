import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { certificateExpiry } from '@bureaunet/crypto';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { PkiService } from './pki.service';

/** Warn this many days ahead: time to run the CA rotation (docs/operations.md) before anything stops verifying. */
export const CA_WARN_DAYS = 30;
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/** Logs a warning at start, and every few hours, once the CA is within CA_WARN_DAYS of its expiry. */
@Injectable()
export class CaExpiryWarner implements OnApplicationBootstrap {
  private readonly logger = new Logger('CertificateAuthority');

  constructor(
    private readonly pki: PkiService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.check();
  }

  /** The warning when one is due, else undefined; also logged. */
  @Interval('ca-expiry-check', CHECK_EVERY_MS)
  check(): string | undefined {
    const { notAfter, daysLeft } = certificateExpiry(this.pki.caCertificate(), this.clock.now());
    if (daysLeft > CA_WARN_DAYS) return undefined;
    const warning = `the CA certificate expires at ${notAfter} (${daysLeft} days left): rotate the CA before then (docs/operations.md, "CA rotation")`;
    this.logger.warn(warning);
    return warning;
  }
}
