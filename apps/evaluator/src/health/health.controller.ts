import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { HealthCheckFilter, Public, ReadinessCheck } from '@bureaunet/platform/stateless';
import { BrokerIndicator } from '@bureaunet/transport';
import { EVALUATOR_KEY, type EvaluatorKeyPair } from '../key/evaluator-key';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(EVALUATOR_KEY) private readonly key: EvaluatorKeyPair,
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessCheck,
    private readonly broker: BrokerIndicator,
  ) {}

  /** keyId: which key this evaluator answers with (public, as on EVALUATOR_KEY_SUBJECT). */
  @Get()
  status(): { status: 'ok'; service: 'evaluator'; keyId: string } {
    return { status: 'ok', service: 'evaluator', keyId: this.key.keyId };
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process serves HTTP (restart it when this fails)' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @UseFilters(HealthCheckFilter)
  @ApiOperation({ summary: 'Readiness: the broker answers; 503 names what fails' })
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check([() => this.broker.check('broker')]);
  }
}
