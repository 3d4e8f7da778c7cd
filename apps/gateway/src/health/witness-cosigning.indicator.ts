import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { CheckpointCosigner } from '../ledger/checkpoint/checkpoint-cosigner.service';

/**
 * Down only when a witness found the ledger inconsistent with a head it cosigned (a rewritten or
 * forked history): an incident. A witness that is merely down or behind is reported, not failed,
 * since the ledger goes on without it and catches it up when it returns.
 */
@Injectable()
export class WitnessCosigningIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly cosigner: CheckpointCosigner,
  ) {}

  check(key = 'witnesses'): HealthIndicatorResult {
    const session = this.indicators.check(key);
    const witnesses = this.cosigner.standing();
    const alarmed = witnesses.filter((w) => w.misbehaviour !== undefined);
    if (alarmed.length > 0)
      return session.down({
        witnesses,
        message: alarmed.map((w) => `witness ${w.name} refuses the ledger: ${w.misbehaviour}`).join('; '),
      });
    return session.up({ witnesses });
  }
}
