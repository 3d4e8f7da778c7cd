import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { DirectoryClient } from './directory.client';

/**
 * Whether the cached directory can be trusted: the registry was heard within DIRECTORY_STALENESS_MS
 * (it beats every REGISTRY_HEARTBEAT_MS) and the signed directory it holds has not expired. Past
 * either the client refuses look-ups, so the service cannot verify or route anything.
 */
@Injectable()
export class DirectoryFreshnessIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly directory: DirectoryClient,
  ) {}

  check(key = 'directory'): HealthIndicatorResult {
    const session = this.indicators.check(key);
    const freshness = this.directory.freshness();
    if (freshness.silentForMs === null)
      return session.down({ ...freshness, message: 'the registry has not been heard from yet' });
    if (freshness.silentForMs > freshness.stalenessMs)
      return session.down({
        ...freshness,
        message: `the registry has been silent for ${Math.round(freshness.silentForMs / 1000)} s (limit ${freshness.stalenessMs / 1000} s)`,
      });
    if (this.directory.expired()) return session.down({ ...freshness, message: `expired at ${freshness.expiresAt}` });
    return session.up({ ...freshness });
  }
}
