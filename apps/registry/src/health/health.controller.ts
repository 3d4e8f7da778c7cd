import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { certificateExpiry, type CertificateExpiry } from '@bureaunet/crypto';
import {
  CertificateValidityIndicator,
  CLOCK,
  DatabaseWritableIndicator,
  HealthCheckFilter,
  Public,
  ReadinessCheck,
  type Clock,
} from '@bureaunet/platform';
import { BrokerIndicator } from '@bureaunet/transport';
import { PkiService } from '../pki/pki.service';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly pki: PkiService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessCheck,
    private readonly broker: BrokerIndicator,
    private readonly database: DatabaseWritableIndicator,
    private readonly certificates: CertificateValidityIndicator,
  ) {}

  /** When the CA that issues every bureau certificate expires. */
  @Get()
  status(): { status: 'ok'; service: 'registry'; ca: CertificateExpiry } {
    return { status: 'ok', service: 'registry', ca: this.caExpiry() };
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
  @ApiOperation({ summary: "Readiness: broker, database and the CA's validity; 503 names what fails" })
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check([
      () => this.broker.check('broker'),
      () => this.database.check('database'),
      () => this.certificates.check('certificates', { ca: this.caExpiry() }),
    ]);
  }

  private caExpiry(): CertificateExpiry {
    return certificateExpiry(this.pki.caCertificate(), this.clock.now());
  }
}
