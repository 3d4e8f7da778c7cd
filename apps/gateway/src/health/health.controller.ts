import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BUREAU_IDENTITY, BureauIdentity, identityExpiry, type IdentityExpiry } from '@bureaunet/identity';
import { CLOCK, type Clock } from '@bureaunet/platform';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(BUREAU_IDENTITY) private readonly identity: BureauIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  health(): { status: 'ok'; service: 'gateway'; signingKid: string; certificates: IdentityExpiry } {
    return { status: 'ok', service: 'gateway', signingKid: this.identity.signing.kid, certificates: identityExpiry(this.identity, this.clock.now()) };
  }
}
