import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';
import { CLOCK, type Clock } from '../clock';
import { HEALTH_BOUNDS, type HealthBounds } from './health.bounds';

/**
 * The readiness route is public and each check does real work (a queued write, broker round trips,
 * JetStream API calls): callers share one check at a time and its answer for HEALTH_READY_CACHE_MS,
 * so a flood of probes costs the service what one probe a second costs, never a queue of writes
 * in front of the messages.
 */
@Injectable()
export class ReadinessCheck {
  private running: Promise<HealthCheckResult> | undefined;
  private last: { at: number; answer: Promise<HealthCheckResult> } | undefined;

  constructor(
    private readonly health: HealthCheckService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HEALTH_BOUNDS) private readonly bounds: HealthBounds,
  ) {}

  check(indicators: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    if (this.running) return this.running;
    const now = this.clock.now().getTime();
    // A clock that moved back (or far ahead) ends the reuse: the answer belongs to its moment.
    if (this.last && now >= this.last.at && now - this.last.at < this.bounds.readyCacheMs) return this.last.answer;
    const answer = this.health.check(indicators);
    this.running = answer;
    const settle = () => {
      this.running = undefined;
      this.last = { at: this.clock.now().getTime(), answer };
    };
    answer.then(settle, settle);
    return answer;
  }
}
