import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { probeWrite, SerialWriter } from '@bureaunet/persistence';
import { boundedProbe } from './bounded-probe';
import { HEALTH_BOUNDS, type HealthBounds } from './health.bounds';

/** Whether the service's SQLite database takes a write now (see probeWrite), within the probe bound. */
@Injectable()
export class DatabaseWritableIndicator {
  // One probe write at a time: a probe that timed out may still wait in the writer's queue, and
  // another behind it would only lengthen the queue the messages wait in.
  private probing: Promise<void> | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly writer: SerialWriter,
    @Inject(HEALTH_BOUNDS) private readonly bounds: HealthBounds,
  ) {}

  async check(key = 'database'): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    try {
      this.probing ??= probeWrite(this.writer).finally(() => (this.probing = undefined));
      await boundedProbe(this.probing, this.bounds.probeTimeoutMs, 'the write probe');
      return session.up({ writable: true });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return session.down({
        writable: false,
        ...(typeof code === 'string' ? { code } : {}),
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
