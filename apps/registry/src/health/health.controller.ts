import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { certificateExpiry, type CertificateExpiry } from '@bureaunet/crypto';
import { CLOCK, type Clock, Public } from '@bureaunet/platform';
import { PkiService } from '../pki/pki.service';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly pki: PkiService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Liveness, and when the CA that issues every bureau certificate expires. */
  @Get()
  health(): { status: 'ok'; service: 'registry'; ca: CertificateExpiry } {
    return { status: 'ok', service: 'registry', ca: certificateExpiry(this.pki.caCertificate(), this.clock.now()) };
  }
}
