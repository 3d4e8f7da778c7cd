import { Logger } from '@nestjs/common';
import {
  DIRECTORY_HEARTBEAT_SUBJECT,
  RULES_CHANGED_SUBJECT,
  RULES_GET_SUBJECT,
  type RuleBundle,
} from '@bureaunet/contracts';
import { DEFAULT_POLICIES, DEFAULT_RATE_LIMITS } from '@bureaunet/policy';
import type { BusClient } from '@bureaunet/transport';
import type { GatewayConfig } from '../gateway.config';
import { RulesCache } from './rules.cache';

const bundle = (version: number, policies = DEFAULT_POLICIES): RuleBundle => ({
  version,
  policies,
  limits: DEFAULT_RATE_LIMITS,
  declarations: [],
  operations: [],
  groups: [],
  changedAt: '2026-11-25T12:00:00.000Z',
});

/** A registry on a fake bus: serves `served`, and lets the test publish events. */
class FakeBus {
  served: RuleBundle | Error = bundle(1);
  requests = 0;
  private readonly handlers = new Map<string, (body: unknown) => void>();

  subscribe(subject: string, handler: (body: unknown) => void): () => void {
    this.handlers.set(subject, handler);
    return () => this.handlers.delete(subject);
  }

  request<T>(subject: string): Promise<T> {
    expect(subject).toBe(RULES_GET_SUBJECT);
    this.requests += 1;
    return this.served instanceof Error ? Promise.reject(this.served) : Promise.resolve(this.served as T);
  }

  publish(subject: string, body: unknown): void {
    this.handlers.get(subject)!(body);
  }
}

describe('RulesCache', () => {
  let now: number;
  let bus: FakeBus;
  let cache: RulesCache;

  beforeAll(() => Logger.overrideLogger(['error']));

  beforeEach(() => {
    now = Date.parse('2026-11-25T12:00:00.000Z');
    bus = new FakeBus();
    cache = new RulesCache(bus as unknown as BusClient, { directoryStalenessMs: 30_000 } as GatewayConfig, {
      now: () => new Date(now),
    });
    cache.onModuleInit();
  });

  afterEach(() => cache.onModuleDestroy());

  it('loads the rules when first asked, and then answers from memory', async () => {
    expect((await cache.current()).version).toBe(1);
    expect((await cache.current()).version).toBe(1);
    expect(bus.requests).toBe(1);
  });

  it('refuses to decide (throws, so the submission is retried) while it has no rules', async () => {
    bus.served = new Error('no responders');
    await expect(cache.current()).rejects.toMatchObject({ code: 'rules-unavailable', kind: 'unavailable' });
    bus.served = bundle(1);
    expect((await cache.current()).version).toBe(1);
  });

  it('swaps in a new version as soon as the registry announces it, without being asked', async () => {
    await cache.current();
    bus.served = bundle(2);
    bus.publish(RULES_CHANGED_SUBJECT, { version: 2 });
    await waitUntil(() => cache.status().version === 2);
    expect((await cache.current()).version).toBe(2);
  });

  it('ends up with the latest of two changes announced while the first is being loaded', async () => {
    await cache.current();
    bus.served = bundle(2);
    bus.publish(RULES_CHANGED_SUBJECT, { version: 2 });
    bus.served = bundle(3);
    bus.publish(RULES_CHANGED_SUBJECT, { version: 3 });
    await waitUntil(() => cache.status().version === 3);
  });

  it('repairs a missed change event from the heartbeat’s rules version', async () => {
    await cache.current();
    bus.served = bundle(3);
    bus.publish(DIRECTORY_HEARTBEAT_SUBJECT, { at: new Date(now).toISOString(), version: 9, rulesVersion: 3 });
    await waitUntil(() => cache.status().version === 3);
  });

  it('does not decide on old rules once a newer version is announced but cannot be loaded', async () => {
    await cache.current();
    bus.served = new Error('timeout');
    bus.publish(RULES_CHANGED_SUBJECT, { version: 2 });
    await expect(cache.current()).rejects.toMatchObject({ code: 'rules-unavailable' });
    bus.served = bundle(2);
    expect((await cache.current()).version).toBe(2);
  });

  it('refuses when the registry has been silent longer than the staleness limit', async () => {
    await cache.current();
    now += 30_001;
    await expect(cache.current()).rejects.toMatchObject({ code: 'rules-stale', kind: 'unavailable' });
    bus.publish(DIRECTORY_HEARTBEAT_SUBJECT, { at: new Date(now).toISOString(), version: 1, rulesVersion: 1 });
    expect((await cache.current()).version).toBe(1);
  });

  it('keeps the version in force when the registry serves an older one', async () => {
    bus.served = bundle(5);
    await cache.current();
    bus.served = bundle(4);
    bus.publish(RULES_CHANGED_SUBJECT, { version: 6 });
    await expect(cache.current()).resolves.toMatchObject({ version: 5 });
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}
