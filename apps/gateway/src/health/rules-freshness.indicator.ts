import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { RulesCache } from '../policy/rules.cache';

/**
 * Whether the gateway can decide: access rules are in force and the registry was heard within
 * DIRECTORY_STALENESS_MS. Otherwise every submission is put back on its stream undecided.
 */
@Injectable()
export class RulesFreshnessIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly rules: RulesCache,
  ) {}

  check(key = 'rules'): HealthIndicatorResult {
    const session = this.indicators.check(key);
    const freshness = this.rules.freshness();
    if (freshness.version === null)
      return session.down({ ...freshness, message: 'no access rules loaded from the registry yet' });
    if (freshness.silentForMs !== null && freshness.silentForMs > freshness.stalenessMs)
      return session.down({
        ...freshness,
        message: `the registry has been silent for ${Math.round(freshness.silentForMs / 1000)} s (limit ${freshness.stalenessMs / 1000} s): the rules may be out of date`,
      });
    return session.up({ ...freshness });
  }
}
