import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReplicaStatus } from '../replica/replica.status';

/**
 * How current the travel-document replica is, for readiness. Informational: it is always up. A
 * replica behind because the hub is away still answers checks (each answer says its age), so a
 * node that cannot reach the hub must not be taken out of service for it.
 */
@Injectable()
export class ReplicaIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly replica: ReplicaStatus,
  ) {}

  async check(key = 'replica'): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    try {
      return session.up({ ...(await this.replica.freshness()) });
    } catch (error) {
      return session.up({ error: error instanceof Error ? error.message : String(error) });
    }
  }
}
