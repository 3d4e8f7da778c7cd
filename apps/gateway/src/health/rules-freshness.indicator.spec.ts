import { Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DIRECTORY_HEARTBEAT_SUBJECT, type RuleBundle } from '@bureaunet/contracts';
import { DEFAULT_POLICIES, DEFAULT_RATE_LIMITS } from '@bureaunet/policy';
import type { BusClient } from '@bureaunet/transport';
import type { GatewayConfig } from '../gateway.config';
import { RulesCache } from '../policy/rules.cache';
import { RulesFreshnessIndicator } from './rules-freshness.indicator';

const BUNDLE: RuleBundle = {
  version: 4,
  policies: DEFAULT_POLICIES,
  limits: DEFAULT_RATE_LIMITS,
  declarations: [],
  operations: [],
  groups: [],
  changedAt: '2026-11-25T12:00:00.000Z',
};

/** The registry's side of the bus: serves the bundle, and lets the test send a heartbeat. */
class RegistryOnABus {
  private readonly handlers = new Map<string, (body: unknown) => void>();

  subscribe(subject: string, handler: (body: unknown) => void): () => void {
    this.handlers.set(subject, handler);
    return () => this.handlers.delete(subject);
  }

  request<T>(): Promise<T> {
    return Promise.resolve(BUNDLE as T);
  }

  publish(subject: string, body: unknown): void {
    this.handlers.get(subject)?.(body);
  }
}

describe('RulesFreshnessIndicator', () => {
  let now: number;
  let bus: RegistryOnABus;
  let cache: RulesCache;
  let indicator: RulesFreshnessIndicator;

  beforeAll(() => Logger.overrideLogger(['error']));

  beforeEach(() => {
    now = Date.parse('2026-11-25T12:00:00.000Z');
    bus = new RegistryOnABus();
    cache = new RulesCache(bus as unknown as BusClient, { directoryStalenessMs: 30_000 } as GatewayConfig, {
      now: () => new Date(now),
    });
    cache.onModuleInit();
    indicator = new RulesFreshnessIndicator(new HealthIndicatorService(), cache);
  });

  it('is down before any rules are loaded', () => {
    expect(indicator.check('rules')).toMatchObject({
      rules: { status: 'down', version: null, message: 'no access rules loaded from the registry yet' },
    });
  });

  it('is up with rules in force, and down once the registry has been silent past DIRECTORY_STALENESS_MS', async () => {
    await cache.current();
    bus.publish(DIRECTORY_HEARTBEAT_SUBJECT, { at: new Date(now).toISOString(), version: 1, rulesVersion: 4 });
    expect(indicator.check('rules')).toEqual({
      rules: {
        status: 'up',
        version: 4,
        announced: 4,
        loadedAt: '2026-11-25T12:00:00.000Z',
        heardAt: '2026-11-25T12:00:00.000Z',
        silentForMs: 0,
        stalenessMs: 30_000,
      },
    });

    now += 31_000;
    expect(indicator.check('rules')).toMatchObject({
      rules: {
        status: 'down',
        version: 4,
        silentForMs: 31_000,
        message: 'the registry has been silent for 31 s (limit 30 s): the rules may be out of date',
      },
    });
  });
});
