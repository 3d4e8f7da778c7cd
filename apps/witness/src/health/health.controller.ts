import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { DatabaseWritableIndicator, HealthCheckFilter, Public, ReadinessCheck } from '@bureaunet/platform';
import type { Witness } from '@bureaunet/witness';
import { WITNESS } from '../add-checkpoint/add-checkpoint.service';
import { MisbehaviourRepository } from '../misbehaviour/misbehaviour.repository';
import { WITNESS_CONFIG, type WitnessConfig } from '../witness.config';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(WITNESS) private readonly witness: Witness,
    @Inject(WITNESS_CONFIG) private readonly config: WitnessConfig,
    private readonly misbehaviour: MisbehaviourRepository,
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessCheck,
    private readonly database: DatabaseWritableIndicator,
  ) {}

  /** Who this witness is (its vkey, to give the logs and clients that trust it) and what it found. */
  @Get()
  async status(): Promise<{
    status: 'ok';
    service: 'witness';
    name: string;
    vkey: string;
    logs: string[];
    misbehaviourReports: number;
  }> {
    return {
      status: 'ok',
      service: 'witness',
      name: this.config.name,
      vkey: this.witness.verifierKey,
      logs: this.config.logs.map((log) => log.origin),
      misbehaviourReports: await this.misbehaviour.count(),
    };
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
  @ApiOperation({ summary: 'Readiness: the database takes writes; 503 names what fails' })
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check([() => this.database.check('database')]);
  }
}
