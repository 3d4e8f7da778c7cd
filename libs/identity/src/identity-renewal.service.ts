import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { expiryWarnings } from './identity.expiry';
import { IdentityRenewer } from './identity.renewer';
import type { RenewalPolicy } from './renewal.policy';

export const BUREAU_IDENTITY_RENEWER = Symbol('BUREAU_IDENTITY_RENEWER');
export const RENEWAL_POLICY = Symbol('RENEWAL_POLICY');

/**
 * At start and every checkIntervalMs: warns of certificates (or a CA) close to expiry, and renews
 * when the renewal window is reached. A failed renewal is logged and tried again at the next
 * look, which bounds the retries to one per interval.
 */
@Injectable()
export class IdentityRenewalService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IdentityRenewal');
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    @Inject(BUREAU_IDENTITY_RENEWER) private readonly renewer: IdentityRenewer,
    @Inject(RENEWAL_POLICY) private readonly policy: RenewalPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.policy.checkIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** One look: renew if due, then warn of whatever still expires soon. */
  async check(): Promise<void> {
    try {
      await this.renewer.renewIfDue();
    } catch (error) {
      // The CA list is asked at every look, so the registry being away shows here even when no renewal is due.
      this.logger.error(
        `renewal check of ${this.renewer.identity.code}'s certificates (CA list, renewal when due) failed, tried again in ${this.policy.checkIntervalMs / 1000} s: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    for (const warning of expiryWarnings(this.renewer.identity, this.clock.now(), this.policy.warnBeforeDays))
      this.logger.warn(warning);
  }

  private tick(): void {
    if (this.running) return;
    this.running = true;
    this.inFlight = this.check().finally(() => {
      this.running = false;
    });
  }
}
