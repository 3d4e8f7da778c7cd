import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { probeWrite, SerialWriter } from '@bureaunet/persistence';
import { boundedProbe } from './bounded-probe';
import { HEALTH_BOUNDS, type HealthBounds } from './health.bounds';

/** Whether the service's SQLite database takes a write now (see probeWrite), within the probe bound. */
@Injectable()
export class DatabaseWritableIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly writer: SerialWriter,
    @Inject(HEALTH_BOUNDS) private readonly bounds: HealthBounds,
  ) {}

  async check(key = 'database'): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    try {
      await boundedProbe(probeWrite(this.writer), this.bounds.probeTimeoutMs, 'the write probe');
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
