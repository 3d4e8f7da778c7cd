import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { RateLimiter, type PreparedRules, type RateDecision } from '@bureaunet/policy';

/** Each bureau's token bucket, under the limits of the rules in force; the gateway's clock. */
@Injectable()
export class SubmissionRateLimiter {
  private readonly limiter: RateLimiter;

  constructor(@Inject(CLOCK) clock: Clock) {
    this.limiter = new RateLimiter(() => clock.now().getTime());
  }

  admit(sender: string, recipients: number, rules: PreparedRules): RateDecision {
    return this.limiter.admit(sender, recipients, rules.limitFor(sender));
  }
}
