import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { DELIVERIES_STREAM, deliveryConsumerName } from '@bureaunet/contracts';
import { DirectoryFreshnessIndicator } from '@bureaunet/directory';
import { BUREAU_IDENTITY, identityExpiry, type BureauIdentity } from '@bureaunet/identity';
import {
  CertificateValidityIndicator,
  CLOCK,
  DatabaseWritableIndicator,
  HealthCheckFilter,
  Public,
  ReadinessCheck,
  type Clock,
} from '@bureaunet/platform';
import { BrokerIndicator, ConsumerLagIndicator } from '@bureaunet/transport';
import { NODE_CONFIG, type NodeConfig } from '../node.config';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';
import { ReplicaIndicator } from './replica.indicator';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly status: HealthService,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessCheck,
    private readonly broker: BrokerIndicator,
    private readonly database: DatabaseWritableIndicator,
    private readonly directory: DirectoryFreshnessIndicator,
    private readonly certificates: CertificateValidityIndicator,
    private readonly consumers: ConsumerLagIndicator,
    private readonly replica: ReplicaIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Which bureau this node is, its alerts (overdue, dead letters) and certificate expiry' })
  @ApiOkResponse({ type: HealthDto })
  get(): Promise<HealthDto> {
    return this.status.status();
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
  @ApiOperation({
    summary:
      'Readiness: broker, database, directory, certificates, delivery consumer lag; 503 names what fails; the replica’s age (informational)',
  })
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check([
      () => this.broker.check('broker'),
      () => this.database.check('database'),
      () => this.directory.check('directory'),
      () => this.certificates.check('certificates', { ...identityExpiry(this.identity, this.clock.now()) }),
      () =>
        this.consumers.check('consumers', [
          { stream: DELIVERIES_STREAM, durable: deliveryConsumerName(this.config.code) },
        ]),
      // Informational: always up, with the replica's age and resync state.
      () => this.replica.check('replica'),
    ]);
  }
}
