import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { expiryWarnings } from './identity.expiry';
import { IdentityRenewer } from './identity.renewer';
import type { RenewalPolicy } from './renewal.policy';

export const BUREAU_IDENTITY_RENEWER = Symbol('BUREAU_IDENTITY_RENEWER');
export const RENEWAL_POLICY = Symbol('RENEWAL_POLICY');

const RENEWAL_INTERVAL = 'identity-renewal';

/**
 * At start and every checkIntervalMs: warns of certificates (or a CA) close to expiry, and renews
 * when the renewal window is reached. A failed renewal is logged and tried again at the next
 * look, which bounds the retries to one per interval. The timer is @nestjs/schedule's, so the app
 * hosting IdentityModule imports ScheduleModule.forRoot().
 */
@Injectable()
export class IdentityRenewalService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IdentityRenewal');
  private inFlight: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    @Inject(BUREAU_IDENTITY_RENEWER) private readonly renewer: IdentityRenewer,
    @Inject(RENEWAL_POLICY) private readonly policy: RenewalPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  // The interval comes from the policy, so it is registered here rather than with @Interval.
  onApplicationBootstrap(): void {
    this.tick();
    const timer = setInterval(() => this.tick(), this.policy.checkIntervalMs);
    timer.unref();
    this.scheduler.addInterval(RENEWAL_INTERVAL, timer);
  }

  // Stopped before the last look is awaited, so no look starts behind it.
  async onModuleDestroy(): Promise<void> {
    if (this.scheduler.doesExist('interval', RENEWAL_INTERVAL)) this.scheduler.deleteInterval(RENEWAL_INTERVAL);
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
