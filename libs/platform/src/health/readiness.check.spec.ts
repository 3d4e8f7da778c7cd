import type { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { ReadinessCheck } from './readiness.check';

const OK: HealthCheckResult = { status: 'ok', info: {}, error: {}, details: {} };

function setUp(readyCacheMs: number) {
  let now = 0;
  let release: (() => void) | undefined;
  const runs = { count: 0 };
  const health = {
    check: jest.fn(async () => {
      runs.count += 1;
      await new Promise<void>((resolve) => (release = resolve));
      return OK;
    }),
  } as unknown as HealthCheckService;
  const readiness = new ReadinessCheck(
    health,
    { now: () => new Date(now) },
    { probeTimeoutMs: 2_000, maxConsumerPending: 10, minCertificateDays: 0, readyCacheMs },
  );
  return {
    readiness,
    runs,
    finish: () => release?.(),
    advance: (ms: number) => (now += ms),
  };
}

describe('ReadinessCheck', () => {
  it('runs one check for a thousand concurrent callers, and they all get its answer', async () => {
    const { readiness, runs, finish } = setUp(1_000);
    const answers = Array.from({ length: 1_000 }, () => readiness.check([]));
    finish();
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 1_000 }, () => OK));
    expect(runs.count).toBe(1);
  });

  it('reuses the answer for HEALTH_READY_CACHE_MS, then checks again', async () => {
    const { readiness, runs, finish, advance } = setUp(1_000);
    const first = readiness.check([]);
    finish();
    await first;
    advance(999);
    await readiness.check([]);
    expect(runs.count).toBe(1);
    advance(1);
    const again = readiness.check([]);
    finish();
    await again;
    expect(runs.count).toBe(2);
  });

  it('checks again when the clock moved back', async () => {
    const { readiness, runs, finish, advance } = setUp(1_000);
    advance(5_000);
    const first = readiness.check([]);
    finish();
    await first;
    advance(-10);
    const again = readiness.check([]);
    finish();
    await again;
    expect(runs.count).toBe(2);
  });

  it('checks on every call with a cache of 0', async () => {
    const { readiness, runs, finish } = setUp(0);
    for (let index = 0; index < 3; index += 1) {
      const answer = readiness.check([]);
      finish();
      await answer;
    }
    expect(runs.count).toBe(3);
  });
});
